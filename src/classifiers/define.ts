import type { FileLines } from '../attribution/lineFacts.js';
import type { CategoryId, FileDiff, Finding, Mode } from '../model.js';

/** What a classifier may read besides the file's diff. */
export interface ClassifyContext {
  mode: Mode;
  /**
   * Whole file contents on each side, where history is available (git mode).
   * Resolves to null when the file does not exist on that side or in diff-file mode.
   */
  readFile(side: 'upstream' | 'fork' | 'base', path: string): Promise<string | null>;
  /**
   * The side and commits of each changed line of the file (git mode with a
   * merge base); null otherwise. Findings take their side from the lines
   * they were read from (see common/location.ts).
   */
  linesOf(file: FileDiff): FileLines | null;
  /** A commit's subject by short id (git mode), so a missing guard can cite the fix that added it; null when unknown. */
  commitSubject(shortSha: string): string | null;
  /**
   * Upstream's text (a test's name, a line) as the fork would write it after
   * its renames (`redis-cli` → `valkey-cli`, see attribution/renames.ts):
   * learnt in git mode from the paths the fork renamed since the merge base,
   * and in both modes from the files the diff showed renamed so far (files
   * stream in path order). Text no rename touches comes back as it is.
   */
  translate(text: string): string;
}

export interface Classifier {
  id: CategoryId;
  title: string;
  /**
   * True when the category is a property of the path (every hunk of a matching
   * file carries it); false when only hunks a finding points at carry it.
   */
  isPathCategory: boolean;
  /** Does this classifier look at the file at all (by path and status)? */
  matches(file: FileDiff): boolean;
  /**
   * Does this classifier take the file whole, whatever its path says, from
   * what earlier files of the run showed (the files of a submodule the other
   * tip pins are a library's, not the fork's CI or sources)? No other
   * classifier then reads it.
   */
  claims?(file: FileDiff, context: ClassifyContext): boolean;
  /**
   * Findings for one matching file. Classifiers that are not path categories
   * push `id` onto the `categories` of the hunks their findings come from.
   */
  classify(file: FileDiff, context: ClassifyContext): Promise<Finding[]> | Finding[];
  /**
   * Findings that need every file of the run before they can be told (a test
   * file deleted under one path and added under another, a dependency row that
   * later files join), once all files were classified with this context.
   */
  finish?(context: ClassifyContext): Promise<Finding[]> | Finding[];
}

export const defineClassifier = (classifier: Classifier): Classifier => classifier;

const open = new WeakSet<object>();

/**
 * Marks a finding its classifier will still add to after returning it (a
 * module row that later vendored files of the module join). The report
 * keeps a copy of each finding as it arrives (see audit/compact.ts); an open
 * one is copied only once every file has been read.
 */
export const keepOpen = <T extends object>(finding: T): T => {
  open.add(finding);
  return finding;
};

export const isOpen = (finding: object): boolean => open.has(finding);

const withdrawn = new WeakSet<object>();

/** An open finding its classifier found to be no drift after all (a module moved from vendor.conf to go.mod at its version): the report leaves it out. */
export const withdraw = (finding: object): void => {
  withdrawn.add(finding);
};

export const isWithdrawn = (finding: object): boolean => withdrawn.has(finding);
