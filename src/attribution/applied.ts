import type { History } from '../git/history.js';
import type { AppliedCommit, CommitInfo } from '../model.js';
import { findLines } from '../text/findLines.js';
import { isOversized, mayBeWithinCap, readCommitChanges } from './commitChanges.js';
import type { CommitChange, KnownChanges } from './commitChanges.js';
import { asForkLine } from './renames.js';
import type { ForkRenames } from './renames.js';
import { addTo } from '../multiMap.js';
import { isModuleFile, moduleVersionsAt, versionMoves } from './newerModules.js';
import type { ModuleVersionsAt } from './newerModules.js';

/** A line worth looking for: not blank, not a lone bracket or keyword, long enough not to be everywhere. */
export const isTelling = (line: string): boolean => line.length >= 8 && !/^(?:[{}()[\];,]+|\/\/.*|#.*|\/?\*.*|else|return;?|break;?|continue;?)$/.test(line);

/** Which fork commit wrote line `line` of `path` at the fork's tip; null when unknown. */
export type ForkWriters = (path: string, line: number) => string[];

export interface AppliedOptions {
  /**
   * The tip of the side the commits come from. A line a commit added that
   * this tip no longer has (a later commit there rewrote it) need not be in
   * the other tip, which may well have that later version instead.
   */
  ownTip?: string;
  /** Which files each commit touched, where known (see below). */
  filesOf?: ReadonlyMap<string, readonly string[]>;
  /** Patches already read whole (see below). */
  known?: KnownChanges;
}

/**
 * Upstream commits whose patch-id the fork lacks but whose change it has: a
 * fix ported by hand, rebased with conflicts, or applied under the fork's
 * renamed paths and identifiers. A commit counts as applied when every telling
 * line it added is in the fork's version of the file (after the fork's
 * renames), and none of the telling lines it removed still is; failing that,
 * when the fork lacks at most half of those added lines and its own side's
 * tip has since rewritten each of them (valkey took redis's fix for blocking
 * timeouts and, later, redis's widening of that fix's test ranges: the
 * fix's first ranges are in neither tip). The fork commit that wrote those
 * lines is named when the fork's history says.
 *
 * A commit that touched more files than MAX_CHANGED_LINES has more changed
 * lines than that too (renames aside), so its patch is not even read:
 * `filesOf` says which files each commit touched, where known. On a
 * pair of huge commits, their patches were a third of the run. Patches the
 * side's line history already read whole (`known`) are not read again.
 */
export const findAppliedByLines = async (
  history: History,
  forkTip: string,
  missing: readonly CommitInfo[],
  renames: ForkRenames,
  writers: ForkWriters,
  { ownTip, filesOf = new Map(), known = () => undefined }: AppliedOptions = {},
): Promise<AppliedCommit[]> => {
  const checked = missing.filter((commit) => mayBeWithinCap(filesOf, commit.sha));
  if (checked.length === 0) return [];
  const changes = await readCommitChanges(history, checked.map((commit) => commit.sha), known);
  // Every fork path any change could live at, with the lines looked for there, read in one batch.
  const repeated = new Map<string, Set<string>>();
  const modules = new Map<string, ModuleVersionsAt>();
  const lines = await wantedLinesAt(history, forkTip, wantedLines(changes.values(), renames), repeated, modules);
  const forkFiles: ForkFiles = { lines, modules };
  const readable = checked.flatMap((commit) => {
    const change = changes.get(commit.sha);
    return change && !isOversized(change) ? [{ commit, change }] : [];
  });
  const found = new Map(readable.map(({ commit, change }) => [commit.sha, carriedLines(change, renames, forkFiles, repeated)]));
  const unmatched = readable.filter(({ commit }) => found.get(commit.sha) === null);
  if (ownTip !== undefined && unmatched.length > 0) {
    // Of the commits the other tip has most of: were the lines it lacks rewritten on their own side since?
    const gaps = unmatched.flatMap(({ commit, change }) => {
      const absent = absentLines(change, renames, forkFiles);
      return absent ? [{ commit, change, absent }] : [];
    });
    const asked = new Map<string, Set<string>>();
    for (const { absent } of gaps) for (const [path, lines] of absent) for (const line of lines) addTo(asked, path, line);
    const still = gaps.length > 0 ? await wantedLinesAt(history, ownTip, asked) : new Map<string, Map<string, number>>();
    for (const { commit, change, absent } of gaps) {
      if (isRewrittenSince(absent, still)) found.set(commit.sha, carriedLines(withoutLines(change, absent), renames, forkFiles, repeated));
    }
  }
  const applied: AppliedCommit[] = [];
  for (const { commit } of readable) {
    const lines = found.get(commit.sha);
    if (!lines) continue;
    const owners = new Map<string, number>();
    for (const { path, line } of lines) if (line !== UNUSED) for (const sha of writers(path, line)) owners.set(sha, (owners.get(sha) ?? 0) + 1);
    const forkCommit = [...owners].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    applied.push({ commit, how: lines.some(({ isNewer }) => isNewer) ? 'versions' : 'lines', forkCommit });
  }
  return applied;
};

/**
 * Of `shas`, the commits that only put back what the merge base had: every
 * telling line they added is in the base's version of its file and was gone
 * from the file the commit started from. The other tip having those lines
 * says nothing then: it never changed them, and the commit undoes an earlier
 * commit of its own side (uptime-kuma's fork set its Dockerfile's images to
 * its own account, then a later commit set them back to louislam's; dropping
 * that one would bring the fork's names back). A line the file had all along
 * elsewhere (valkey's gossip fix repeats a call another function makes) is
 * not put back.
 */
export const restoringBase = async (history: History, base: string, shas: readonly string[], known: KnownChanges): Promise<Set<string>> => {
  if (shas.length === 0) return new Set();
  const changes = await readCommitChanges(history, shas, known);
  const tellingAdded = (sha: string): Map<string, Set<string>> =>
    new Map([...(changes.get(sha)?.added ?? [])].map(([path, lines]) => [path, new Set([...lines].filter(isTelling))] as const).filter(([, lines]) => lines.size > 0));
  const wanted = new Map<string, Set<string>>();
  for (const sha of shas) for (const [path, lines] of tellingAdded(sha)) for (const line of lines) addTo(wanted, path, line);
  const baseFiles = await wantedLinesAt(history, base, wanted);
  const restoring = new Set<string>();
  for (const sha of shas) {
    const added = tellingAdded(sha);
    const isInBase = added.size > 0 && [...added].every(([path, lines]) => [...lines].every((line) => baseFiles.get(path)?.has(line) === true));
    if (!isInBase) continue;
    const before = await wantedLinesAt(history, `${sha}^`, added);
    if ([...added].every(([path, lines]) => [...lines].every((line) => before.get(path)?.has(line) !== true))) restoring.add(sha);
  }
  return restoring;
};

/**
 * Past this share of its telling added lines missing from the other tip, a
 * commit is not applied whatever its own side did since: one that side
 * undid (tcl-suite's reverted #13100) keeps only generic lines anywhere in
 * either tip.
 */
const MAX_ABSENT_SHARE = 0.5;

/**
 * The telling lines a change added that the other tip's file lacks, per
 * path (at the candidate path lacking fewest), when there are some and they
 * are at most MAX_ABSENT_SHARE of all it added; null otherwise.
 */
const absentLines = (change: CommitChange, renames: ForkRenames, forkFiles: ForkFiles): Map<string, string[]> | null => {
  const absent = new Map<string, string[]>();
  let telling = 0;
  let missing = 0;
  for (const [path, lines] of change.added) {
    const wanted = [...lines].filter(isTelling);
    telling += wanted.length;
    // Each wanted line as the fork would name it, worked out when first needed, once for every candidate path.
    const named: (string | undefined)[] = [];
    const gaps = renames.pathsFor(path).map((candidate) => {
      const file = forkFiles.lines.get(candidate);
      const newer = forkFiles.modules.get(candidate)?.newer;
      return file ? wanted.filter((line, index) => !file.has(line) && !file.has(named[index] ??= asForkLine(renames, line)) && !newer?.has(line)) : wanted;
    });
    const fewest = gaps.reduce((best, gap) => (gap.length < best.length ? gap : best), wanted);
    if (fewest.length === 0) continue;
    // A module the fork has older is a bump it lacks, however upstream went on since.
    if (renames.pathsFor(path).some((candidate) => fewest.some((line) => forkFiles.modules.get(candidate)?.older.has(line) === true))) return null;
    absent.set(path, fewest);
    missing += fewest.length;
  }
  return missing > 0 && missing <= MAX_ABSENT_SHARE * telling ? absent : null;
};

/** Did the own side's tip rewrite every absent line (it has the file, and none of them)? */
const isRewrittenSince = (absent: ReadonlyMap<string, readonly string[]>, still: ReadonlyMap<string, ReadonlyMap<string, number>>): boolean =>
  [...absent].every(([path, lines]) => {
    const tip = still.get(path);
    return tip !== undefined && lines.every((line) => !tip.has(line));
  });

/** The change without the given added lines (its removed lines stay: the other tip must still lack them). */
const withoutLines = (change: CommitChange, absent: ReadonlyMap<string, readonly string[]>): CommitChange => ({
  added: new Map([...change.added].map(([path, lines]) => {
    const gone = new Set(absent.get(path) ?? []);
    return [path, new Set([...lines].filter((line) => !gone.has(line)))];
  })),
  removed: change.removed,
  size: change.size,
});

/**
 * The fork tip's files as the applied check reads them: per path, where each
 * wanted line is; and, of go.mod and go.sum lines, where the fork has their
 * module at the same or a newer version (newerModules.ts), which stands for
 * an added line only: a removed line's module is there too, newer.
 */
interface ForkFiles {
  lines: ReadonlyMap<string, ReadonlyMap<string, number>>;
  modules: ReadonlyMap<string, ModuleVersionsAt>;
}

/**
 * Per path, where each wanted line first is in the tip's file (1-based), in
 * one batch of reads: a file is scanned once and only wanted lines are
 * kept. Paths the tip lacks are left out. `repeated` gathers, per path, the
 * wanted lines the file has more than once; `modules`, where a module
 * file has the modules of the lines looked for (newerModules.ts).
 */
const wantedLinesAt = async (
  history: History, tip: string, wanted: ReadonlyMap<string, ReadonlySet<string>>, repeated?: Map<string, Set<string>>, modules?: Map<string, ModuleVersionsAt>,
): Promise<Map<string, Map<string, number>>> => {
  const paths = [...wanted.keys()];
  const blobs = await history.blobs(paths.map((path) => `${tip}:${path}`));
  const files = new Map<string, Map<string, number>>();
  paths.forEach((path, index) => {
    const blob = blobs[index];
    const keys = wanted.get(path);
    if (!blob || !keys) return;
    const text = blob.toString('utf8');
    const lines = findLines(text, keys, repeated ? (key) => addTo(repeated, path, key) : undefined);
    files.set(path, lines);
    if (modules && isModuleFile(path)) modules.set(path, moduleVersionsAt(path, text, [...keys].filter((key) => !lines.has(key))));
  });
  return files;
};

/** The lines `carriedLines` may look up, per fork path: each telling line as written and as the fork would name it. */
const wantedLines = (changes: Iterable<CommitChange>, renames: ForkRenames): Map<string, Set<string>> => {
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
interface CarriedLine {
  path: string;
  line: number;
  isNewer: boolean;
}

/** Where a go.mod or go.sum line sits that the fork need not have: a bump of a module it does not use or build (no line names a fork commit). */
const UNUSED = 0;

/**
 * Where in the fork each telling added line sits; null when a line is
 * missing, a removed line remains, the commit only moved lines within their
 * files (no added line it did not also remove there), or it is a few lines
 * each of which its fork file has several times: ckan's reflow of one
 * `nose.tools.assert_raises(` call, in a test the fork lacks, is in the
 * fork's other tests, not in the fork.
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
const carriedLines = (
  change: CommitChange, renames: ForkRenames, forkFiles: ForkFiles, repeated: ReadonlyMap<string, ReadonlySet<string>>,
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
    if (match.keys.some((key) => key.length >= DISTINCT_LENGTH || !repeated.get(match.candidate)?.has(key))) isSingular = true;
    if (telling.some((line) => !change.removed.get(path)?.has(line))) isNew = true;
  }
  // Lines a commit only moved within their file say nothing: the fork has them wherever they were.
  if (found.length === 0 || !isNew || (found.length <= FEW_LINES && !isSingular)) return null;
  // Bumps of modules the fork does not use or build alone tie nothing to it: a security fix there may still matter under another module.
  if (found.every(({ line }) => line === UNUSED)) return null;
  for (const [path, lines] of change.removed) {
    const gone = [...lines].filter((line) => isTelling(line) && !change.added.get(path)?.has(line));
    for (const candidate of renames.pathsFor(path)) {
      const file = forkFiles.lines.get(candidate);
      if (file && gone.some((line) => file.has(line) || file.has(asForkLine(renames, line)))) return null;
    }
  }
  return found;
};
