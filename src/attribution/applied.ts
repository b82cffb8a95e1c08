import type { History } from '../git/history.js';
import type { AppliedCommit, CommitInfo } from '../model.js';
import { isOversized, mayBeWithinCap, readCommitChanges } from './commitChanges.js';
import type { CommitChange, KnownChanges } from './commitChanges.js';
import { asForkLine } from './renames.js';
import type { ForkRenames } from './renames.js';
import { addTo } from '../multiMap.js';
import type { ModuleVersionsAt } from './newerModules.js';
import { carriedLines, copiesOf, isTelling, keptLines, needsDistinctLine, UNUSED } from './carriedLines.js';
import { isDependencyFile } from '../versions/dependencyFiles.js';
import type { CarriedLine, ForkFiles } from './carriedLines.js';
import { wantedLines, wantedLinesAt, wantedLinesIn } from './wantedLines.js';

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
  /** Paths the other tip has exactly as the own tip does (sameFiles.ts): a commit's lines there say nothing either way. */
  isSame?: (path: string) => boolean;
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
 * fix's first ranges are in neither tip), and it still has no removed line
 * but those its own side's tip has again. That second reading is made also
 * without the files the other tip has exactly as the own tip (`isSame`):
 * what a commit did there says nothing either way (evil-helix took helix's
 * releases squashed; the lines it has of a commit are in its other files).
 * The fork commit that wrote those lines is named when the fork's history
 * says.
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
  { ownTip, filesOf = new Map(), known = () => undefined, isSame }: AppliedOptions = {},
): Promise<AppliedCommit[]> => {
  const checked = missing.filter((commit) => mayBeWithinCap(filesOf, commit.sha));
  if (checked.length === 0) return [];
  const changes = await readCommitChanges(history, checked.map((commit) => commit.sha), known);
  // Every fork path any change could live at, with the lines looked for there, read in one batch.
  const later = new Map<string, Map<string, number[]>>();
  const modules = new Map<string, ModuleVersionsAt>();
  const forkFiles: ForkFiles = { lines: await wantedLinesAt(history, forkTip, wantedLines(changes.values(), renames), later, modules), later, modules };
  const readable = checked.flatMap((commit) => {
    const change = changes.get(commit.sha);
    return change && !isOversized(change) ? [{ commit, change }] : [];
  });
  const found = new Map(readable.map(({ commit, change }) => [commit.sha, carriedLines(change, renames, forkFiles)]));
  // The change each commit was found by: all of it, or (below) what its own side has not rewritten since.
  const partial = new Map<string, CommitChange>();
  const unmatched = readable.filter(({ commit }) => found.get(commit.sha) === null);
  if (ownTip !== undefined && unmatched.length > 0) {
    // Of the commits the other tip has most of: were the lines it lacks rewritten on their own side since?
    // Each commit as it is, then without the files the other tip has as the own tip does (what it added or removed
    // there says nothing either way), until one reads as carried.
    const gaps = unmatched.flatMap(({ commit, change: whole }) => {
      const less = isSame ? withoutPaths(whole, isSame) : whole;
      return (less === whole ? [whole] : [whole, less]).flatMap((change) => {
        const absent = absentLines(change, renames, forkFiles);
        const kept = keptLines(change, renames, forkFiles);
        return absent && (absent.size + kept.size > 0 || change !== whole) ? [{ commit, change, absent, kept }] : [];
      });
    });
    const asked = new Map<string, Set<string>>();
    for (const { absent, kept } of gaps) for (const [path, lines] of [...absent, ...kept]) for (const line of lines) addTo(asked, path, line);
    const still = gaps.length > 0 ? await wantedLinesAt(history, ownTip, asked) : new Map<string, Map<string, number>>();
    for (const { commit, change, absent, kept } of gaps) {
      if (found.get(commit.sha) || !isRewrittenSince(absent, still) || !isPutBackSince(kept, still)) continue;
      const less = withoutLines(change, absent, kept);
      const lines = carriedLines(less, renames, forkFiles, { isPartial: true });
      if (lines) {
        found.set(commit.sha, lines);
        partial.set(commit.sha, less);
      }
    }
  }
  await withoutParentCopies(history, readable, found, partial, { renames, forkFiles, isForkWritten: (path, line) => writers(path, line).length > 0 });
  const applied: AppliedCommit[] = [];
  for (const { commit } of readable) {
    const lines = found.get(commit.sha);
    if (!lines) continue;
    applied.push({ commit, how: lines.some(({ isNewer }) => isNewer) ? 'versions' : 'lines', forkCommit: carrierOf(lines, writers) });
  }
  return applied;
};

/**
 * The fork commit that wrote most of a commit's lines in the fork, by the
 * lines its files have once; failing those, by the first copy a fork commit
 * wrote of each line they repeat (incus's port of LXD's description update
 * is named by its `err = tx.UpdateNetworkDescription(…)`, not by whichever
 * commits wrote an `if err != nil {` last).
 */
const carrierOf = (lines: readonly CarriedLine[], writers: ForkWriters): string | null => {
  const vote = (each: readonly CarriedLine[], writersOf: (line: CarriedLine) => string[]): string | null => {
    const owners = new Map<string, number>();
    for (const line of each) if (line.line !== UNUSED) for (const sha of writersOf(line)) owners.set(sha, (owners.get(sha) ?? 0) + 1);
    return [...owners].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  };
  return vote(lines.filter(({ copies }) => copies.length === 0), ({ path, line }) => writers(path, line))
    ?? vote(lines, ({ path, line, copies }) => [line, ...copies].map((each) => writers(path, each)).find((shas) => shas.length > 0) ?? []);
};

/**
 * Of the commits found by a line that says which change it is (a few
 * lines, or part of a change), those found only by lines the other tip has
 * no more times than the commit's parent did, where no fork commit wrote
 * them: what the commit added may be the copy it lacks (carriedLines).
 * The parents' files are read for these commits alone, in one batch.
 */
const withoutParentCopies = async (
  history: History, readable: readonly { commit: CommitInfo, change: CommitChange }[],
  found: Map<string, CarriedLine[] | null>, partial: ReadonlyMap<string, CommitChange>,
  { renames, forkFiles, isForkWritten }: { renames: ForkRenames, forkFiles: ForkFiles, isForkWritten: (path: string, line: number) => boolean },
): Promise<void> => {
  const asked = readable.flatMap(({ commit, change }) => {
    const lines = found.get(commit.sha);
    const isPartial = partial.has(commit.sha);
    return lines && needsDistinctLine(lines.length, isPartial) ? [{ sha: commit.sha, change: partial.get(commit.sha) ?? change, isPartial }] : [];
  });
  if (asked.length === 0) return;
  const wanted = new Map<string, Set<string>>();
  for (const { sha, change } of asked) for (const [path, lines] of change.added) for (const line of lines) if (isTelling(line)) addTo(wanted, `${sha}^:${path}`, line);
  const parentLater = new Map<string, Map<string, number[]>>();
  const parentFiles = await wantedLinesIn(history, wanted, parentLater);
  for (const { sha, change, isPartial } of asked) {
    const parentCount = (path: string, line: string): number => {
      const name = `${sha}^:${path}`;
      return parentFiles.get(name)?.has(line) === true ? copiesOf(parentLater, name, line) : 0;
    };
    found.set(sha, carriedLines(change, renames, forkFiles, { isPartial, parentCount, isForkWritten }));
  }
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
    // So is a package version a lockfile or manifest lacks: the lines the fork has of such a bump are the ones every version shares (a yarn.lock entry's dependencies).
    if (isDependencyFile(path)) return null;
    absent.set(path, fewest);
    missing += fewest.length;
  }
  return missing <= MAX_ABSENT_SHARE * telling ? absent : null;
};

/**
 * Did the own side's tip put back every removed line the other tip still has
 * (it has the file, and each of them)? helix's tsq grammar: `name = "tsq"`
 * removed from one entry of languages.toml, and in a later one of both tips.
 */
const isPutBackSince = (kept: ReadonlyMap<string, readonly string[]>, still: ReadonlyMap<string, ReadonlyMap<string, number>>): boolean =>
  [...kept].every(([path, lines]) => {
    const tip = still.get(path);
    return tip !== undefined && lines.every((line) => tip.has(line));
  });

/** Did the own side's tip rewrite every absent line (it has the file, and none of them)? */
const isRewrittenSince = (absent: ReadonlyMap<string, readonly string[]>, still: ReadonlyMap<string, ReadonlyMap<string, number>>): boolean =>
  [...absent].every(([path, lines]) => {
    const tip = still.get(path);
    return tip !== undefined && lines.every((line) => !tip.has(line));
  });

/** The change without the given lines: added ones the other tip lacks, removed ones it still has (both since rewritten on the own side). */
const withoutLines = (change: CommitChange, absent: ReadonlyMap<string, readonly string[]>, kept: ReadonlyMap<string, readonly string[]>): CommitChange => {
  const less = (lines: ReadonlyMap<string, ReadonlySet<string>>, left: ReadonlyMap<string, readonly string[]>): Map<string, Set<string>> =>
    new Map([...lines].map(([path, each]) => {
      const gone = new Set(left.get(path) ?? []);
      return [path, new Set([...each].filter((line) => !gone.has(line)))];
    }));
  return { added: less(change.added, absent), removed: less(change.removed, kept), size: change.size };
};

/** The change without the paths `isLeft` names; the same change when it names none. */
const withoutPaths = (change: CommitChange, isLeft: (path: string) => boolean): CommitChange => {
  if (![...change.added.keys(), ...change.removed.keys()].some(isLeft)) return change;
  return {
    added: new Map([...change.added].filter(([path]) => !isLeft(path))),
    removed: new Map([...change.removed].filter(([path]) => !isLeft(path))),
    size: change.size,
  };
};
