import { findAppliedByLines } from '../attribution/applied.js';
import type { Attributor, SidePaths } from '../attribution/attributeFiles.js';
import type { SideFacts } from '../attribution/lineFacts.js';
import { chunkGroups } from '../attribution/pathChunks.js';
import { forkRenames } from '../attribution/renames.js';
import type { LoggedCommit } from '../git/commitLog.js';
import type { GitSource } from '../git/gitSource.js';
import { pathsByCommit } from '../git/history.js';
import type { MergeTreeResult } from '../git/mergeTreeOutput.js';
import type { ScratchObjects } from '../git/scratchObjects.js';
import type { CommitInfo, Commits, FileDiff, Finding, SyncPlan } from '../model.js';
import { isMergeOf, readConventions } from '../sync/conventions.js';
import { buildLedger } from '../sync/ledger.js';
import type { ForkCommitFacts } from '../sync/ledger.js';
import { MAX_PICKS, byUrgency, mapPool, pickResult } from '../sync/picks.js';
import { securityFindings } from '../sync/securityFindings.js';

export interface SyncResult {
  sync: SyncPlan | null;
  /** The commit lists, with commits that would pick empty moved to applied. */
  commits: Commits;
  /** Upstream security fixes the fork lacks (category `sync`). */
  findings: Finding[];
  notices: string[];
}

/** Picks forecast at once: each is two short git processes. */
const PARALLEL_PICKS = 4;

/** A pick's merge as forecast: the merged tree and its conflicts. */
type Merged = { tree: string; conflicts: readonly { path: string }[] };

/** Lines added and deleted in a path, as `git diff --numstat` counts them. */
type LineCount = { added: number; deleted: number };

/** The sync plan begun beside the classification, finished once the commit lists are settled. */
export interface SyncStart {
  /** Shows the plan a file of the two-tip diff (attributed), whose line counts it may use. */
  observe(file: FileDiff): void;
  /** The plan for `commits` (the lists with applied commits moved out), once every file was observed; removes the scratch store. */
  finish(commits: Commits): Promise<SyncResult>;
  /** Removes the scratch store of a plan that will not be finished (the audit failed). */
  cancel(): void;
}

/** What the early half found: the merge, the fork's tree, the picks it forecast, the ledger under way. */
interface Begun {
  merge: MergeTreeResult;
  forkTree: string;
  forecast(commits: readonly CommitInfo[]): Promise<Map<string, Merged>>;
  merged: Map<string, Merged>;
  carries: Promise<ReturnType<typeof buildLedger>>;
}

/**
 * What catching up with upstream would cost (SPEC "Sync plan"): merging
 * upstream into the fork now, each missing commit picked alone, and the
 * fork's own commits as a ledger. All forecasts run in a private object
 * store, removed when done, so the user's repository is never written.
 *
 * The git work starts as soon as the commit lists are known, beside the
 * classification of the diff (git merges while Node classifies): the picks
 * are forecast for the commits listed as missing, and `finish` forecasts
 * only those the settled lists bring into the first MAX_PICKS (when applied
 * commits left the list).
 */
export function startSync(source: GitSource, attributor: Attributor, listed: Promise<Commits | null>): SyncStart {
  let scratch: ScratchObjects | null = null;
  // Line counts of the diff's files: for a path upstream left alone, they are the fork's own since the base.
  const observed = new Map<string, LineCount>();
  let allObserved = (): void => undefined;
  const observing = new Promise<void>((resolve) => {
    allObserved = resolve;
  });
  // The paths whose counts the ledger wants, known before the first file is attributed (and so observed).
  let wanted: ReadonlyMap<string, string> | null = null;
  attributor.sides()?.then(({ fork, upstream }) => {
    wanted = new Map(singleCommitPaths(fork).filter((path) => !upstream.changed.paths.has(path)).map((path) => [path, path]));
  }, () => undefined);
  const begun = (async (): Promise<Begun | { unable: string } | null> => {
    const { forecaster } = source;
    const sides = attributor.sides();
    const paths = attributor.paths();
    const base = source.mergeBase;
    if (sides === null || paths === null || base === null) return null;
    const git = await forecaster.canForecast();
    if (!git.isAble) return { unable: git.version };
    const opened = await forecaster.openScratch();
    scratch = opened;
    // The merges are a run's heaviest git work after the diff: they start at once, at a lower
    // priority (the forecaster's), so they take the CPU the line history and Node leave idle.
    const mergeAndTree = Promise.all([forecaster.mergeTree(opened, source.fork.sha, source.upstream.sha), forecaster.treeOf(source.fork.sha)]);
    // The ledger needs the fork's line history, and line counts read from the diff once every file went by.
    const stats = source.forkCommits().then(async (logged) => {
      if (logged.length === 0) return new Map<string, LineCount>();
      const { fork, upstream } = await sides;
      return forkLineCounts(source, base, fork, upstream.changed.paths, observed, observing);
    });
    stats.catch(() => undefined); // awaited by the ledger
    const carries = sides.then(({ fork, upstream }) => carryLedger(source, fork, upstream.changed.fromNames, source.forkCommits(), stats));
    carries.catch(() => undefined); // awaited by finish; a failure is reported there
    const { fork, upstream } = await paths;
    const [merge, forkTree] = await mergeAndTree;
    const forecast = forecastPicks(source, opened, forkTree, trivialPicks(upstream, fork));
    const known = await listed;
    const merged = known ? await forecast(byUrgency(known.missingFromFork).slice(0, MAX_PICKS)) : new Map<string, Merged>();
    return { merge, forkTree, forecast, merged, carries };
  })();
  begun.catch(() => undefined); // awaited by finish; a failure is reported there
  const cancel = (): void => {
    allObserved();
    void begun.finally(() => scratch?.remove()).catch(() => undefined);
    scratch?.remove();
  };
  return {
    cancel,
    observe: (file) => {
      // A rename's counts are not the numstat's (--no-renames counts a delete and an add).
      if (file.status === 'renamed' || file.status === 'copied') return;
      // Keyed by the history's own string: the parser's may be a view of the text it was read from.
      const path = wanted?.get(file.path);
      if (path !== undefined) observed.set(path, { added: file.additions, deleted: file.deletions });
    },
    finish: async (commits) => {
      allObserved();
      try {
        const early = await begun;
        if (early === null) return { sync: null, commits, findings: [], notices: [] };
        if ('unable' in early) {
          return { sync: null, commits, findings: [], notices: [`no sync plan: git ${early.unable} cannot forecast merges (merge-tree --write-tree needs git 2.38 or newer)`] };
        }
        return await settle(source, early, commits);
      } finally {
        cancel();
      }
    },
  };
}

/** The plan for the settled commit lists, from what the early half forecast. */
async function settle(source: GitSource, early: Begun, commits: Commits): Promise<SyncResult> {
  const notices: string[] = [];
  const ordered = byUrgency(commits.missingFromFork);
  const forecast = ordered.slice(0, MAX_PICKS);
  if (ordered.length > forecast.length) {
    notices.push(`sync plan: forecast the first ${forecast.length} of ${ordered.length} missing commits (security fixes and fixes first); the rest are not forecast`);
  }
  const late = await early.forecast(forecast.filter((commit) => !early.merged.has(commit.sha)));
  const picks = forecast.map((commit) => pickResult(commit, early.merged.get(commit.sha) ?? late.get(commit.sha) ?? { tree: '', conflicts: [{ path: '(not forecast)' }] }, early.forkTree));
  // A commit that would pick empty is already in the fork: applied, not missing.
  const empty = new Set(picks.filter((pick) => pick.result === 'empty').map((pick) => pick.sha));
  const settled: Commits = {
    ...commits,
    missingFromFork: commits.missingFromFork.filter((commit) => !empty.has(commit.sha)),
    applied: [...commits.applied, ...commits.missingFromFork.filter((commit) => empty.has(commit.sha)).map((commit) => ({ commit, how: 'empty-pick' as const, forkCommit: null }))],
  };
  const carries = await early.carries;
  const firstPaths = await source.forecaster.firstPaths(settled.missingFromFork.filter((commit) => commit.security.length > 0).map((commit) => commit.sha));
  const { merge } = early;
  return {
    sync: { merge: { clean: merge.conflicts.length === 0, conflicts: merge.conflicts }, picks, carries, unforecastPicks: ordered.length - forecast.length },
    commits: settled,
    findings: securityFindings(settled.missingFromFork, picks, (sha) => firstPaths.get(sha) ?? ''),
    notices,
  };
}

/** Forecasts picks onto the fork's tree: trivially clean ones without git, the rest batched where git can. */
const forecastPicks = (source: GitSource, scratch: ScratchObjects, forkTree: string, isTriviallyClean: (sha: string) => boolean) =>
  async (commits: readonly CommitInfo[]): Promise<Map<string, Merged>> => {
    const { forecaster } = source;
    const results = new Map<string, Merged>();
    if (commits.length === 0) return results;
    const parents = await forecaster.parentsOf(commits.map((commit) => commit.sha));
    const toMerge = commits.filter((commit) => !isTriviallyClean(commit.sha) && parents.get(commit.sha)?.[0] !== undefined);
    const batch = await forecaster.pickAllOnto(scratch, forkTree, toMerge.map((commit) => ({ commit: commit.sha, parent: parents.get(commit.sha)?.[0] ?? '' })));
    const merged = new Map(batch?.map((result, index) => [toMerge[index]?.sha ?? '', result]));
    const forecasts = await mapPool(commits, PARALLEL_PICKS, async (commit): Promise<Merged> => {
      // A trivially clean pick changes the tree: any tree but the fork's reads as clean.
      if (isTriviallyClean(commit.sha)) return { tree: `${forkTree}+${commit.sha}`, conflicts: [] };
      const parent = parents.get(commit.sha)?.[0];
      if (parent === undefined) return { tree: '', conflicts: [{ path: '(root commit)' }] };
      // Batched where git can; one merge per commit where it cannot (git 2.38, 2.39).
      return merged.get(commit.sha) ?? (await forecaster.pickOnto(scratch, forkTree, commit.sha, parent));
    });
    commits.forEach((commit, index) => {
      const forecast = forecasts[index];
      if (forecast) results.set(commit.sha, forecast);
    });
    return results;
  };

/**
 * A missing commit whose every file no other upstream commit and no fork
 * commit touched since the merge base picks cleanly without a merge: the
 * fork still has each file exactly as the commit's parent had it. Most
 * commits of a big fork far behind are like this, and each merge saved is
 * two git processes.
 */
function trivialPicks(upstream: SidePaths, fork: SidePaths): (sha: string) => boolean {
  const touches = pathsByCommit(upstream.pathCommits.byPath);
  return (sha) => {
    const paths = touches.get(sha);
    if (!paths || paths.length === 0) return false;
    return paths.every((path) =>
      upstream.pathCommits.byPath.get(path)?.length === 1 && !upstream.pathCommits.renamedFrom.has(path) && !fork.changed.paths.has(path));
  };
}

/**
 * Base → fork line counts of the fork's paths that one commit alone touched
 * (the ledger credits them to that commit). Where upstream left a path alone,
 * the two-tip diff already counted exactly that (`observed`, complete once
 * `observing` settles); `git diff --numstat` runs only for the others, in
 * chunks of paths: those upstream changed too at once, beside the
 * classification, and those the diff did not count (a rename, an ignored
 * file) after its last file. On the bench's 100 MB pair a whole-tree numstat
 * was 4 s of git's CPU.
 */
async function forkLineCounts(
  source: GitSource,
  base: string,
  fork: SideFacts,
  upstreamChanged: ReadonlySet<string>,
  observed: ReadonlyMap<string, LineCount>,
  observing: Promise<void>,
): Promise<Map<string, LineCount>> {
  const single = singleCommitPaths(fork).sort();
  const count = async (paths: readonly string[], into: Map<string, LineCount>): Promise<void> => {
    for (const chunk of chunkGroups(paths.map((path) => [path]))) {
      for (const [path, stat] of await source.forecaster.numstat(base, source.fork.sha, chunk)) into.set(path, stat);
    }
  };
  const counts = new Map<string, LineCount>();
  await count(single.filter((path) => upstreamChanged.has(path)), counts);
  await observing;
  const unseen: string[] = [];
  for (const path of single) {
    if (upstreamChanged.has(path)) continue;
    const stat = observed.get(path);
    if (stat) counts.set(path, stat);
    else unseen.push(path);
  }
  await count(unseen, counts);
  return counts;
}

/** The fork's paths one commit alone touched since the merge base. */
const singleCommitPaths = (fork: SidePaths): string[] => [...fork.pathCommits.byPath].filter(([, shas]) => shas.length === 1).map(([path]) => path);

/** The fork's commits with what history says about each, then the ledger's verdicts. */
async function carryLedger(
  source: GitSource,
  fork: SideFacts,
  upstreamFromNames: ReadonlyMap<string, string>,
  listing: Promise<LoggedCommit[]>,
  numstat: Promise<Map<string, LineCount>>,
): Promise<ReturnType<typeof buildLedger>> {
  const logged = await listing;
  if (logged.length === 0) return [];
  const { forecaster } = source;
  const filesOf = pathsByCommit(fork.pathCommits.byPath);
  // Fork commits whose change upstream has, by lines: the fork's renames read backwards.
  const upstreamNameOf = new Map([...upstreamFromNames].map(([upstreamPath, basePath]) => [basePath, upstreamPath]));
  const toUpstream = new Map([...fork.changed.fromNames].map(([forkPath, basePath]) => [upstreamNameOf.get(basePath) ?? basePath, forkPath]));
  const candidates = logged.filter((commit) => commit.mark !== '=').map((commit) => ({ ...commit }));
  const inUpstream = await findAppliedByLines(source.history, source.upstream.sha, candidates, forkRenames(toUpstream), () => [], filesOf);
  const supersededByLines = new Set(inUpstream.map((entry) => entry.commit.sha));
  const refs = logged.map((commit) => readConventions(commit.subject, commit.body));
  const messages = await forecaster.messagesMentioning(source.upstream.sha, refs.flatMap((ref) => (ref.upstreamRef ? [ref.upstreamRef] : [])));
  const cherryPicked = new Map<string, boolean>();
  for (const ref of refs) if (ref.cherryPickedFrom) cherryPicked.set(ref.cherryPickedFrom, await forecaster.isAncestor(ref.cherryPickedFrom, source.upstream.sha));
  // Line counts come last: they wait for the whole diff.
  const stats = await numstat;
  const followed = fork.lines.counts();
  // Lines of files one commit alone touched are that commit's (those files are not followed).
  const single = new Map<string, { live: number; removed: number }>();
  for (const [path, shas] of fork.pathCommits.byPath) {
    const [sha] = shas;
    if (shas.length !== 1 || sha === undefined) continue;
    const stat = stats.get(path) ?? { added: 0, deleted: 0 };
    const entry = single.get(sha) ?? { live: 0, removed: 0 };
    entry.live += stat.added;
    entry.removed += stat.deleted;
    single.set(sha, entry);
  }
  const facts: ForkCommitFacts[] = logged.map((commit) => ({
    sha: commit.sha,
    subject: commit.subject,
    body: commit.body,
    files: filesOf.get(commit.sha) ?? [],
    live: (followed.get(commit.sha)?.live ?? 0) + (single.get(commit.sha)?.live ?? 0),
    removed: (followed.get(commit.sha)?.removed ?? 0) + (single.get(commit.sha)?.removed ?? 0),
    isPatchUpstream: commit.mark === '=',
    isLinesUpstream: supersededByLines.has(commit.sha),
  }));
  return buildLedger(facts, {
    isUpstreamCommit: (sha) => cherryPicked.get(sha) ?? false,
    isMergedUpstream: (ref) => messages.some((message) => isMergeOf(ref, message)),
  });
}
