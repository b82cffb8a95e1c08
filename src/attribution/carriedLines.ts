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
  /** Where each wanted line the file has more than once is, past the first. */
  later: LaterCopies;
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

/** Whether a match of this many lines is found only by a line that says which change it is (see carriedLines). */
export const needsDistinctLine = (found: number, isPartial: boolean): boolean => found <= FEW_LINES || isPartial;

/** Per path, where a file has each line it has more than once, past the first (1-based); a line not named is there once (or not at all). */
export type LaterCopies = ReadonlyMap<string, ReadonlyMap<string, readonly number[]>>;

/** How many times a file has a line it has at least once. */
export const copiesOf = (later: LaterCopies, path: string, line: string): number => 1 + (later.get(path)?.get(line)?.length ?? 0);

/**
 * A telling line a commit added, where the fork has it; `isNewer` when that
 * is its module at a newer version (or a module the fork does not use).
 */
export interface CarriedLine {
  path: string;
  line: number;
  /** Where else the fork's file has the same line. */
  copies: readonly number[];
  isNewer: boolean;
}

/** Where a go.mod or go.sum line sits that the fork need not have: a bump of a module it does not use or build (no line names a fork commit). */
export const UNUSED = 0;

/** How carriedLines reads a change: see there. */
export interface CarriedOptions {
  /** The lines the fork has of a change it lacks part of. */
  isPartial?: boolean;
  /** How many times the commit's parent had a line at a path, as the commit wrote both. */
  parentCount?: (path: string, line: string) => number;
  /** Whether a fork commit wrote this line of a fork file. */
  isForkWritten?: (path: string, line: number) => boolean;
}

/**
 * Where in the fork each telling added line sits; null when a line is
 * missing, a removed line remains, the commit only moved lines within their
 * files (no added line it did not also remove there), or it is a few lines
 * each of which its fork file has several times: ckan's reflow of one
 * `nose.tools.assert_raises(` call, in a test the fork lacks, is in the
 * fork's other tests, not in the fork. With `isPartial` (the lines the fork
 * has of a change it lacks part of) such lines say nothing however many or
 * long: element-web's changelog entry for v1.11.49 is in SchildiChat's fork
 * by its `## ✨ Features` headings and `=====` rules alone. Nor does a
 * line the fork has no more times than the commit's parent did
 * (`parentCount`, by the commit's path and line as written, where read):
 * each copy the fork has may be one the parent had, not the commit's.
 * cni-plugins' "bandwidth: handle nil bandwidth in CHECK" copied cmdAdd's
 * `if bandwidth == nil || bandwidth.isZero() {` into cmdCheck; OpenShift's
 * fork has cmdAdd's alone. Neither the own side's tip nor the merge base
 * can say it: LXD went on to write the line incus ported
 * (`s.DB.Cluster.Transaction(ctx, …`) in a second function, and a revert
 * puts back lines the base had and the fork never lost. A copy a fork
 * commit wrote (`isForkWritten`, of any of the fork's copies) is the fork's
 * doing all the same: incus fixed dnsmasq's `if err2 != nil {` itself, and
 * dropped the forkdns copy LXD's parent had.
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
  change: CommitChange, renames: ForkRenames, forkFiles: ForkFiles, { isPartial = false, parentCount = () => 0, isForkWritten = () => false }: CarriedOptions = {},
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
      found.push(...telling.map(() => ({ path, line: UNUSED, copies: [], isNewer: true })));
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
    const laterOf = (key: string): readonly number[] => forkFiles.later.get(match.candidate)?.get(key) ?? [];
    match.at.forEach((line, index) => {
      const isNewer = match.exact[index] === undefined;
      if (line !== undefined) found.push({ path: match.candidate, line, copies: isNewer ? [] : laterOf(match.keys[index] ?? ''), isNewer });
    });
    const forkCount = (key: string): number => copiesOf(forkFiles.later, match.candidate, key);
    const isCommits = (key: string, index: number): boolean => {
      const at = match.exact[index];
      return forkCount(key) > parentCount(path, telling[index] ?? '') || (at !== undefined && [at, ...laterOf(key)].some((line) => isForkWritten(match.candidate, line)));
    };
    const tells = (key: string, index: number): boolean =>
      isCommits(key, index) && (isPartial ? forkCount(key) === 1 : key.length >= DISTINCT_LENGTH || forkCount(key) === 1);
    if (match.keys.some(tells)) isSingular = true;
    if (telling.some((line) => !change.removed.get(path)?.has(line))) isNew = true;
  }
  // Lines a commit only moved within their file say nothing: the fork has them wherever they were.
  // Of a change the fork has only part of (applied.ts' rewritten-since allowance), lines its files repeat say nothing however many or long: a changelog's headings and rules.
  if (found.length === 0 || !isNew || (needsDistinctLine(found.length, isPartial) && !isSingular)) return null;
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
