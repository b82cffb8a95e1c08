// Whether the fork tip carries a commit's change, for the applied check
// (applied.ts): its telling added lines, as written, under the fork's names,
// or (go.mod, go.sum) as newer module versions. Which lines tell, ports.ts
// asks too.
import { asForkLine } from './renames.js';
import type { ForkRenames } from './renames.js';
import type { CommitChange } from './commitChanges.js';
import { isModuleFile, versionMoves } from './newerModules.js';
import type { ModuleVersionsAt } from './newerModules.js';

/** A line worth looking for: not blank, not a lone bracket or keyword, long enough not to be everywhere. */
export const isTelling = (line: string): boolean => line.length >= 8 && !/^(?:[{}()[\];,]+|\/\/.*|#.*|\/?\*.*|else|return;?|break;?|continue;?)$/.test(line);

/**
 * The fork tip's files as the applied check reads them: per path, where each
 * wanted line is; and, of go.mod and go.sum lines, where the fork has their
 * module at the same or a newer version (newerModules.ts), which stands for
 * an added line only: a removed line's module is there too, newer.
 */
export interface ForkFiles {
  lines: ReadonlyMap<string, ReadonlyMap<string, number>>;
  modules: ReadonlyMap<string, ModuleVersionsAt>;
}

/**
 * A change of this many telling lines or fewer is found only if one of them
 * is once in its fork file. More lines together say enough, even when the
 * file repeats each (valkey's gossip fix calls what another function does).
 */
const FEW_LINES = 2;

/** A line this long says which change it is wherever the file repeats it (a pinned action: `uses: actions/upload-artifact@043fb46… # v7.0.1`). */
const DISTINCT_LENGTH = 40;

/**
 * A telling line a commit added, where the fork has it; `isNewer` when that
 * is its module at a newer version (or a module the fork does not use).
 */
export interface CarriedLine {
  path: string;
  line: number;
  isNewer: boolean;
}

/** Where a go.mod or go.sum line sits that the fork need not have: a bump of a module it does not use or build (no line names a fork commit). */
export const UNUSED = 0;

/**
 * Where in the fork each telling added line sits; null when a line is
 * missing, a removed line remains, the commit only moved lines within their
 * files (no added line it did not also remove there), or it is a few lines
 * each of which its fork file has several times: ckan's reflow of one
 * `nose.tools.assert_raises(` call, in a test the fork lacks, is in the
 * fork's other tests, not in the fork. With `isPartial` (the lines the fork
 * has of a change it lacks part of) such lines say nothing however many or
 * long: element-web's changelog entry for v1.11.49 is in SchildiChat's fork
 * by its `## ✨ Features` headings and `=====` rules alone.
 *
 * Of Go module files, a go.mod or go.sum the fork does not have is a module
 * it does not build (terraform bumps golang.org/x/net in the go.mod of each
 * backend, which opentofu builds as one module), and a module the fork's
 * file does not name is one it does not use: beside lines the fork has, a
 * commit's bump of either has nothing more for the fork to take. Alone they
 * say nothing of the fork (buildkit's bump of moby/go-archive, which an older
 * fork does not use, may fix code the fork has under docker/docker). A module
 * a commit adds is another matter.
 */
export const carriedLines = (
  change: CommitChange, renames: ForkRenames, forkFiles: ForkFiles, repeated: ReadonlyMap<string, ReadonlySet<string>>, isPartial = false,
): CarriedLine[] | null => {
  const found: CarriedLine[] = [];
  let isNew = false;
  let isSingular = false;
  for (const [path, lines] of change.added) {
    const telling = [...lines].filter(isTelling);
    if (telling.length === 0) continue;
    const moves = isModuleFile(path) ? versionMoves(path, telling, change.removed.get(path) ?? []) : null;
    const candidates = renames.pathsFor(path);
    if (moves && candidates.every((candidate) => !forkFiles.lines.has(candidate))) {
      // A Go module the fork does not build: its bumps are nothing to take, anything else is.
      if (!telling.every((line) => moves.raised.has(line))) return null;
      found.push(...telling.map(() => ({ path, line: UNUSED, isNewer: true })));
      isNew = true;
      isSingular = true;
      continue;
    }
    // The first of the fork's candidate paths that has every line, translated.
    const match = candidates.map((candidate) => {
      const file = forkFiles.lines.get(candidate);
      const modules = forkFiles.modules.get(candidate);
      const keys = file ? telling.map((line) => (file.has(line) ? line : asForkLine(renames, line))) : [];
      const newerAt = (line: string): number | undefined =>
        moves?.lowered.has(line) === true ? undefined
        : modules?.newer.get(line) ?? (moves?.raised.has(line) === true && modules?.unused.has(line) === true ? UNUSED : undefined);
      const exact = keys.map((key) => file?.get(key));
      return { candidate, keys, exact, at: exact.map((line, index) => line ?? newerAt(telling[index] ?? '')) };
    }).find(({ at }) => at.length === telling.length && at.every((line) => line !== undefined));
    if (!match) return null;
    match.at.forEach((line, index) => {
      if (line !== undefined) found.push({ path: match.candidate, line, isNewer: match.exact[index] === undefined });
    });
    const isOnce = (key: string): boolean => !repeated.get(match.candidate)?.has(key);
    if (match.keys.some((key) => (isPartial ? isOnce(key) : key.length >= DISTINCT_LENGTH || isOnce(key)))) isSingular = true;
    if (telling.some((line) => !change.removed.get(path)?.has(line))) isNew = true;
  }
  // Lines a commit only moved within their file say nothing: the fork has them wherever they were.
  // Of a change the fork has only part of (applied.ts' rewritten-since allowance), lines its files repeat say nothing however many or long: a changelog's headings and rules.
  if (found.length === 0 || !isNew || ((found.length <= FEW_LINES || isPartial) && !isSingular)) return null;
  // Bumps of modules the fork does not use or build alone tie nothing to it: a security fix there may still matter under another module.
  if (found.every(({ line }) => line === UNUSED)) return null;
  if (keptLines(change, renames, forkFiles).size > 0) return null;
  return found;
};

/**
 * The telling lines a change removed (and did not add back) that the fork's
 * file still has, as written or as the fork would name it, per path: a
 * change the fork carries has none (applied.ts lets those its own side put
 * back since stay).
 */
export const keptLines = (change: CommitChange, renames: ForkRenames, forkFiles: ForkFiles): Map<string, string[]> => {
  const kept = new Map<string, string[]>();
  for (const [path, lines] of change.removed) {
    const gone = [...lines].filter((line) => isTelling(line) && !change.added.get(path)?.has(line));
    const files = renames.pathsFor(path).flatMap((candidate) => forkFiles.lines.get(candidate) ?? []);
    const still = gone.filter((line) => files.some((file) => file.has(line) || file.has(asForkLine(renames, line))));
    if (still.length > 0) kept.set(path, still);
  }
  return kept;
};
