import type { CommitInfo, Commits, FileDiff, LineSide } from '../model.js';
import { pathsByCommit } from '../git/history.js';
import type { ChangedFiles, History, PathCommits } from '../git/history.js';
import { appendTo } from '../multiMap.js';
import { findAppliedByLines } from './applied.js';
import { findSameFiles } from './sameFiles.js';
import { findPortsBySubject } from './ports.js';
import { findBranches, firstParentChain } from './branches.js';
import { mayBeWithinCap, readCommitChanges } from './commitChanges.js';
import type { CommitChange } from './commitChanges.js';
import { loadChangedRanges } from './changedRanges.js';
import { fileSide, renameOf } from './fileSides.js';
import type { Tips } from './fileSides.js';
import { setHunkAttribution } from './hunkAttribution.js';
import { lineFacts, pinnedWriters, shortCommitId } from './lineFacts.js';
import type { BothSides, FileLines, SideFacts } from './lineFacts.js';
import { loadLineHistory } from './lineHistory.js';
import { PATHSPEC_BUDGET } from './logScope.js';
import type { LogLimits } from './logScope.js';
import { chunkGroups, linkedGroups, PATHSPEC_CHARS } from './pathChunks.js';
import { forkRenames } from './renames.js';
import { unpairedLines } from './unpairedLines.js';

/** What attribution needs from git mode (a `GitSource` fits). */
export interface AttributionSource {
  mergeBase: string | null;
  upstream: { sha: string };
  fork: { sha: string };
  history: History;
}

/** Attributes files as the diff streams, and answers for each what its changed lines are. */
export interface Attributor {
  /** Sets `side`, `blocks` and `commits` on files and their hunks, in place; call it per file or once for all. */
  attribute(files: FileDiff[]): Promise<void>;
  /** The facts of an attributed file's changed lines (side and commits per line); null without a merge base. */
  linesOf(file: FileDiff): FileLines | null;
  /** The subject of a commit since the merge base on either side, by short id (known once a file was attributed). */
  subjectOf(shortSha: string): string | null;
  /**
   * The commit lists with upstream commits the fork already has, under
   * another patch-id and maybe other paths and names, moved from missing to
   * applied (see applied.ts).
   */
  withApplied(commits: Commits): Promise<Commits>;
  /** What each side did since the merge base (read once per run); null without a merge base. */
  sides(): Promise<BothSides> | null;
  /** The first part of `sides`: which paths each side changed and which commits touched each, before any line is read. */
  paths(): Promise<BothPaths> | null;
}

/**
 * Only files both sides changed need line ranges. Their paths on either side
 * are among the paths both changed, or those paths' rename partners; both
 * names go on both diffs so each side's renames pair up within the pathspec,
 * which is split into chunks of whole rename groups (one diff per chunk).
 */
const pathsBothChanged = (upstream: ChangedFiles, fork: ChangedFiles, maxChars: number): string[][] => {
  const both = [...upstream.paths].filter((path) => fork.paths.has(path));
  const partners = (path: string): string[] => [upstream.renames.get(path), fork.renames.get(path)].filter((each) => each !== undefined);
  return chunkGroups(linkedGroups(both, partners), maxChars);
};

/** One side's changed paths and the commits that touched each: two short git processes. */
export type SidePaths = Pick<SideFacts, 'changed' | 'pathCommits'>;
export type BothPaths = Record<LineSide, SidePaths>;

const loadPaths = async (tips: Tips, history: History): Promise<BothPaths> => {
  const [upstreamFiles, forkFiles, upstreamCommits, forkCommits] = await Promise.all([
    history.changedFiles(tips.base, tips.upstream),
    history.changedFiles(tips.base, tips.fork),
    history.commitsByPath(tips.base, tips.upstream),
    history.commitsByPath(tips.base, tips.fork),
  ]);
  // The fork's side only: upstream's merges are read through the branches they bring in (branches.ts).
  await addMergeResolutions(history, tips.base, tips.fork, forkFiles, forkCommits);
  return { upstream: { changed: upstreamFiles, pathCommits: upstreamCommits }, fork: { changed: forkFiles, pathCommits: forkCommits } };
};

/**
 * A path the fork changed that no commit of its log touched (under any
 * name) changed in a merge: a fork that merges upstream's releases into its own line dropped
 * a file upstream had added since the fork's older base, in resolving the
 * merge that brought in the merge base (molly's libsignal: three workflow
 * files, "fork removed" with no commit). Such paths get the merges whose
 * tree differs there from a parent's; the log (`--name-status`, no `-m`)
 * shows a merge's own changes nowhere. One process, only for such paths.
 */
async function addMergeResolutions(history: History, base: string, tip: string, changed: ChangedFiles, touched: PathCommits): Promise<void> {
  if (![...touched.parents.values()].some((parents) => parents.length > 1)) return;
  // Not commitsUnderEveryName: it keeps its answer per path, and the merges are added below. A name a commit renamed away is covered too.
  const renamedAway = new Set([...touched.renamedInto.values()].flatMap((renames) => renames.map(({ from }) => from)));
  const uncovered = [...changed.paths].filter((path) => !changed.renames.has(path) && !renamedAway.has(path) && !touched.byPath.has(path));
  if (uncovered.length === 0) return;
  for (const [path, merges] of await history.mergesTouching(base, tip, uncovered)) {
    for (const sha of merges) appendTo(touched.byPath, path, sha);
  }
}

/** One side's lines since the base: a handful of streamed git processes, whatever the fork's size. */
const loadSide = async (history: History, base: string, tip: string, side: SidePaths, both: string[][], limits: LogLimits): Promise<SideFacts> => {
  // The ranges and the line history at once: the line history needs only the paths and parents read before.
  const lines = loadLineHistory(history, base, tip, side.pathCommits, side.changed.paths, findBranches(side.pathCommits.parents, tip), limits);
  const [{ ranges, renamed }, followed] = await Promise.all([loadChangedRanges(history, base, tip, both), lines]);
  return { ...side, ranges, renamedRanges: renamed, lines: followed };
};

const loadSides = async (tips: Tips, history: History, paths: Promise<BothPaths>, limits: LogLimits): Promise<BothSides> => {
  const { upstream: upstreamPaths, fork: forkPaths } = await paths;
  // Nothing both sides changed: no chunks, no diff (an empty pathspec would mean "everything").
  const both = pathsBothChanged(upstreamPaths.changed, forkPaths.changed, limits.maxChars);
  const [upstream, fork] = await Promise.all([
    loadSide(history, tips.base, tips.upstream, upstreamPaths, both, limits),
    loadSide(history, tips.base, tips.fork, forkPaths, both, limits),
  ]);
  return { upstream, fork };
};

/**
 * Sets `side` on every file, hunk and changed line of the upstream → fork
 * diff and links them to commits, from the three trees base, upstream and
 * fork. Without a merge base nothing can be said: sides stay null and
 * commits empty. What every file shares (which paths and lines each side
 * changed, and by which commits) is read once, starting on the first file.
 */
export const createAttributor = (source: AttributionSource, { pathspecChars = PATHSPEC_CHARS, pathspecBudget = PATHSPEC_BUDGET }: AttributorOptions = {}): Attributor => {
  const { mergeBase, history } = source;
  if (!mergeBase) {
    return { attribute: async (files) => files.forEach(clearAttribution), linesOf: () => null, withApplied: async (commits) => commits, sides: () => null, paths: () => null, subjectOf: () => null };
  }
  const tips = { base: mergeBase, upstream: source.upstream.sha, fork: source.fork.sha };
  let sharedPaths: Promise<BothPaths> | null = null;
  const paths = (): Promise<BothPaths> => (sharedPaths ??= loadPaths(tips, history));
  let shared: Promise<BothSides> | null = null;
  // Facts live as long as their file is being classified, not as long as the report.
  const facts = new WeakMap<FileDiff, FileLines>();
  let subjects: Map<string, string> | null = null;
  const sides = (): Promise<BothSides> => (shared ??= loadSides(tips, history, paths(), { maxChars: pathspecChars, budget: pathspecBudget }));
  return {
    sides,
    paths,
    attribute: async (files) => {
      const both = await sides();
      subjects ??= new Map([...both.upstream.pathCommits.subjects, ...both.fork.pathCommits.subjects].map(([sha, subject]) => [shortCommitId(sha), subject]));
      const changed = { upstream: both.upstream.changed, fork: both.fork.changed };
      for (const file of files) {
        file.side = fileSide(file, changed);
        file.rename = renameOf(file, changed, { upstream: both.upstream.pathCommits, fork: both.fork.pathCommits });
        const lines = lineFacts(file, both, await unpairedLines(file, both, history, tips));
        setHunkAttribution(file, lines);
        facts.set(file, lines);
      }
    },
    linesOf: (file) => facts.get(file) ?? null,
    subjectOf: (shortSha) => subjects?.get(shortSha) ?? null,
    withApplied: async (commits) => {
      const { pathCommits } = (await paths()).upstream;
      const filesOf = pathsByCommit(pathCommits.byPath);
      // Commits off upstream's first-parent chain are never in its line log: their patches are read beside it.
      const offChain = readOffChainChanges(history, pathCommits.parents, tips.upstream, commits.missingFromFork, filesOf);
      offChain.catch(() => undefined); // awaited below, once the sides are read
      const { fork, upstream } = await sides();
      const read = await offChain;
      const known = (sha: string): CommitChange | undefined => upstream.lines.changeOf(sha) ?? read.get(sha);
      const renames = forkRenames(fork.changed.fromNames);
      const same = await findSameFiles(history, tips.upstream, tips.fork, commits.missingFromFork.map((commit) => commit.sha), filesOf, renames);
      const writers = (path: string, line: number): string[] => pinnedWriters(fork, path, line);
      const linesFound = await findAppliedByLines(history, tips.fork, commits.missingFromFork, renames, writers, { ownTip: tips.upstream, filesOf, known, isSame: same.isSame });
      // Lines first (they name the fork commit); what no line shows, the files may.
      const byLine = new Set(linesFound.map((entry) => entry.commit.sha));
      const order = new Map(commits.missingFromFork.map((commit, index) => [commit.sha, index]));
      const byLinesOrFiles = [
        ...linesFound,
        ...commits.missingFromFork.filter((commit) => same.commits.has(commit.sha) && !byLine.has(commit.sha)).map((commit) => ({ commit, how: 'same-files' as const, forkCommit: null })),
      ].sort((a, b) => (order.get(a.commit.sha) ?? 0) - (order.get(b.commit.sha) ?? 0));
      const found = new Set(byLinesOrFiles.map((entry) => entry.commit.sha));
      const left = commits.missingFromFork.filter((commit) => !found.has(commit.sha));
      // The off-chain patches serve the ports too: a port's upstream commit is as often one a merge brought in.
      const ported = await findPortsBySubject(history, left, commits.forkOnly, renames, (sha) => known(sha) ?? fork.lines.changeOf(sha));
      const applied = new Set([...found, ...ported.map((entry) => entry.commit.sha)]);
      return { ...commits, missingFromFork: commits.missingFromFork.filter((commit) => !applied.has(commit.sha)), applied: [...commits.applied, ...byLinesOrFiles, ...ported] };
    },
  };
};

export interface AttributorOptions {
  /** Characters of paths per git process before a pathspec is split (tests make it tiny). */
  pathspecChars?: number;
  /** Pathspec entries × commits per line log before it reads the whole tree instead (tests make it tiny). */
  pathspecBudget?: number;
}

/** One-shot form of `createAttributor` for a whole diff. */
export const attributeFiles = (files: FileDiff[], source: AttributionSource): Promise<void> => createAttributor(source).attribute(files);

/**
 * The changes of the missing commits upstream's first-parent line log never
 * reads (those its merges brought in), started as soon as the commit lists
 * are known instead of after both sides' line logs: on netbox, 1,321 such
 * commits were a second log of 6.7 s that began when the first ended.
 * Commits past the applied check's size are left out, as it leaves them.
 */
const readOffChainChanges = (
  history: History,
  parents: ReadonlyMap<string, readonly string[]>,
  tip: string,
  missing: readonly CommitInfo[],
  filesOf: ReadonlyMap<string, readonly string[]>,
): Promise<Map<string, CommitChange>> => {
  const chain = new Set(firstParentChain(parents, tip));
  const shas = missing.filter((commit) => !chain.has(commit.sha) && mayBeWithinCap(filesOf, commit.sha)).map((commit) => commit.sha);
  return shas.length === 0 ? Promise.resolve(new Map()) : readCommitChanges(history, shas, () => undefined);
};

const clearAttribution = (file: FileDiff): void => {
  file.side = null;
  file.rename = null;
  for (const hunk of file.hunks) {
    hunk.side = null;
    hunk.blocks = [];
    hunk.commits = [];
  }
};
