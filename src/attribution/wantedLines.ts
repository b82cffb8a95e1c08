// Reading the files the applied check looks in: only the lines it wants of
// each, where they are, and (as asked) where their later copies are and
// which Go module versions a module file has.
import type { History } from '../git/history.js';
import { findLines } from '../text/findLines.js';
import type { CommitChange } from './commitChanges.js';
import { isTelling } from './carriedLines.js';
import { isModuleFile, moduleVersionsAt } from './newerModules.js';
import type { ModuleVersionsAt } from './newerModules.js';
import { asForkLine } from './renames.js';
import type { ForkRenames } from './renames.js';

/**
 * Per path, where each wanted line first is in the tip's file (1-based), in
 * one batch of reads: a file is scanned once and only wanted lines are
 * kept. Paths the tip lacks are left out. `later` gathers, per path, where
 * the file has each wanted line it has more than once, past the first;
 * `modules`, where a module file has the modules of the lines looked for
 * (newerModules.ts).
 */
export const wantedLinesAt = async (
  history: History, tip: string, wanted: ReadonlyMap<string, ReadonlySet<string>>, later?: Map<string, Map<string, number[]>>, modules?: Map<string, ModuleVersionsAt>,
): Promise<Map<string, Map<string, number>>> => wantedLinesIn(history, wanted, later, modules, (path) => `${tip}:${path}`);

/** wantedLinesAt's reading, of files named as `name` says (`rev:path` as they are, by default), keyed as `wanted` is. */
export const wantedLinesIn = async (
  history: History, wanted: ReadonlyMap<string, ReadonlySet<string>>, later?: Map<string, Map<string, number[]>>, modules?: Map<string, ModuleVersionsAt>,
  name = (path: string): string => path,
): Promise<Map<string, Map<string, number>>> => {
  const paths = [...wanted.keys()];
  const blobs = await history.blobs(paths.map(name));
  const files = new Map<string, Map<string, number>>();
  paths.forEach((path, index) => {
    const blob = blobs[index];
    const keys = wanted.get(path);
    if (!blob || !keys) return;
    const text = blob.toString('utf8');
    const copies = later ? new Map<string, number[]>() : undefined;
    const lines = findLines(text, keys, copies ? (key, line) => {
      const seen = copies.get(key);
      if (seen) seen.push(line);
      else copies.set(key, [line]);
    } : undefined);
    if (later && copies && copies.size > 0) later.set(path, copies);
    files.set(path, lines);
    if (modules && isModuleFile(path)) modules.set(path, moduleVersionsAt(path, text, [...keys].filter((key) => !lines.has(key))));
  });
  return files;
};

/** The lines `carriedLines` may look up, per fork path: each telling line as written and as the fork would name it. */
export const wantedLines = (changes: Iterable<CommitChange>, renames: ForkRenames): Map<string, Set<string>> => {
  const wanted = new Map<string, Set<string>>();
  const want = (path: string, lines: readonly string[]): void => {
    // Each line as written and as the fork would name it, worked out once for every candidate path.
    const forms = lines.flatMap((line) => [line, asForkLine(renames, line)]);
    for (const candidate of renames.pathsFor(path)) {
      const keys = wanted.get(candidate) ?? new Set<string>();
      wanted.set(candidate, keys);
      for (const form of forms) keys.add(form);
    }
  };
  for (const change of changes) {
    for (const [path, lines] of change.added) want(path, [...lines].filter(isTelling));
    for (const [path, lines] of change.removed) want(path, [...lines].filter(isTelling));
  }
  return wanted;
};
