import type { CategoryId, FileDiff, Finding, Mode } from '../model.js';

/** What a classifier may read besides the file's diff. */
export interface ClassifyContext {
  mode: Mode;
  /**
   * Whole file contents on each side, where history is available (git mode).
   * Resolves to null when the file does not exist on that side or in diff-file mode.
   */
  readFile(side: 'upstream' | 'fork' | 'base', path: string): Promise<string | null>;
}

export interface Classifier {
  id: CategoryId;
  title: string;
  /** Does this category apply to the file at all (by path)? */
  matches(file: FileDiff): boolean;
  /** Findings for one file; also tags hunks with `id` where they match. */
  classify(file: FileDiff, context: ClassifyContext): Promise<Finding[]> | Finding[];
}

export const defineClassifier = (classifier: Classifier): Classifier => classifier;
