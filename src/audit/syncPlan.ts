import { findAppliedByLines, restoringBase } from '../attribution/applied.js';
import { mayBeWithinCap, readCommitChanges } from '../attribution/commitChanges.js';
import type { CommitChange } from '../attribution/commitChanges.js';
import type { Attributor } from '../attribution/attributeFiles.js';
import type { SideFacts } from '../attribution/lineFacts.js';
import { forkRenames } from '../attribution/renames.js';
import type { LoggedCommit } from '../git/commitLog.js';
import type { GitSource } from '../git/gitSource.js';
import { hasSoleCommit, pathsByCommit } from '../git/history.js';
import type { MergeTreeResult } from '../git/mergeTreeOutput.js';
import type { ScratchObjects } from '../git/scratchObjects.js';
import { ForkdiffError, isForkdiffError } from '../errors.js';
import type { CarryEntry, CommitInfo, Commits, FileDiff, Finding, SyncPlan } from '../model.js';
import { isMergeOf, readConventions } from '../sync/conventions.js';
import { buildLedger } from '../sync/ledger.js';
import { findUndoPairs } from '../sync/undoPairs.js';
import type { ForkCommitFacts } from '../sync/ledger.js';
import { MAX_PICKS, byUrgency, mapPool, pickResult } from '../sync/picks.js';
import { firstCommitFirst, groupSameFix } from '../sync/sameFix.js';
import { securityFindings } from '../sync/securityFindings.js';
import { directoriesRemovedFrom, trivialPicks } from '../sync/trivialPicks.js';
import { createForkLineCounter } from './forkLineCounts.js';
import { countKeptFiles } from './keptFiles.js';
import { countKeptRenames } from './keptRenames.js';
import type { LineCount } from './forkLineCounts.js';

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
export function startSync(source: GitSource, attributor: Attributor): SyncStart {
  let scratch: ScratchObjects | null = null;
  const base = source.mergeBase;
  const sides = attributor.sides();
  // Started now: it must know which files to keep counts of before the first one is attributed.
  const lineCounts = sides !== null && base !== null ? createForkLineCounter(source, base, sides) : null;
  const begun = (async (): Promise<Begun | { unable: string } | null> => {
    const { forecaster } = source;
    const paths = attributor.paths();
    if (sides === null || paths === null || lineCounts === null || base === null) return null;
    const git = await forecaster.canForecast();
    if (!git.isAble) return { unable: git.version };
    const opened = await forecaster.openScratch();
    scratch = opened;
    // The merges are a run's heaviest git work after the diff: they start at once, at a lower
    // priority (the forecaster's), so they take the CPU the line history and Node leave idle.
    const merging = forecaster.mergeTree(opened, source.fork.sha, source.upstream.sha);
    merging.catch(() => undefined); // awaited below, once the picks are under way
    const forkTree = forecaster.treeOf(source.fork.sha);
    // The ledger needs the fork's line history, and line counts read from the diff once every file went by.
    const stats = source.forkCommits().then((logged) => (logged.length === 0 ? new Map<string, LineCount>() : lineCounts.counts()));
    stats.catch(() => undefined); // awaited by the ledger
    const carries = sides.then(({ fork, upstream }) => carryLedger(source, fork, upstream.changed.fromNames, source.forkCommits(), stats));
    carries.catch(() => undefined); // awaited by finish; a failure is reported there
    const { fork, upstream } = await paths;
    // The picks need the fork's tree, not the merge: they run beside it.
    // Directories the fork no longer has at all: a pick that adds a file there is no trivial one (trivialPicks.ts).
    const gone = await forecaster.directoriesLacking(source.fork.sha, directoriesRemovedFrom(fork.changed.removed));
    const forecast = forecastPicks(source, opened, await forkTree, trivialPicks(upstream, fork, gone), { tip: source.upstream.sha, base, result: merging });
    // Forecast for the commits the range's log calls missing, before cherry-picks are paired and reverts found.
    const missing = await source.missingCommits();
    const merged = missing ? await forecast(byUrgency(missing).slice(0, MAX_PICKS)) : new Map<string, Merged>();
    return { merge: await merging, forkTree: await forkTree, forecast, merged, carries };
  })();
  begun.catch(() => undefined); // awaited by finish; a failure is reported there
  const cancel = (): void => {
    lineCounts?.done();
    void begun.finally(() => scratch?.remove()).catch(() => undefined);
    void scratch?.remove();
  };
  return {
    cancel,
    observe: (file) => lineCounts?.observe(file),
    finish: async (commits) => {
      lineCounts?.done();
      try {
        const early = await begun;
        if (early === null) return { sync: null, commits, findings: [], notices: [] };
        if ('unable' in early) {
          return { sync: null, commits, findings: [], notices: [`no sync plan: git ${early.unable} cannot forecast merges (merge-tree --write-tree needs git 2.38 or newer)`] };
        }
        return await settle(source, early, commits);
      } catch (error) {
        // A git that could not write there (a full /dev/shm) is told where the objects went, and how to move them.
        throw isForkdiffError(error) && scratch?.isInMemory ? new ForkdiffError(`${error.message} (the sync plan's scratch objects were in /dev/shm: set TMPDIR to keep them on disk)`) : error;
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
  const late = await early.forecast(forecast.filter((commit) => !early.merged.has(commit.sha)));
  const picks = forecast.map((commit) => pickResult(commit, early.merged.get(commit.sha) ?? late.get(commit.sha) ?? { tree: '', conflicts: [{ path: '(not forecast)' }] }, early.forkTree));
  // A commit that would pick empty is already in the fork: applied, not missing.
  const empty = new Set(picks.filter((pick) => pick.result === 'empty').map((pick) => pick.sha));
  if (ordered.length > forecast.length) {
    // Counted as the report lists them: a commit that picks empty is applied, not missing.
    notices.push(`sync plan: forecast the first ${forecast.length - empty.size} of ${ordered.length - empty.size} missing commits (security fixes and fixes first); the rest are not forecast`);
  }
  const settled: Commits = {
    ...commits,
    missingFromFork: commits.missingFromFork.filter((commit) => !empty.has(commit.sha)),
    applied: [...commits.applied, ...commits.missingFromFork.filter((commit) => empty.has(commit.sha)).map((commit) => ({ commit, how: 'empty-pick' as const, forkCommit: null }))],
  };
  const carries = supersedePorts(await early.carries, settled.applied);
  const security = settled.missingFromFork.filter((commit) => commit.security.length > 0);
  const commitPaths = await source.forecaster.commitPaths(security.map((commit) => commit.sha));
  const pathsOf = (sha: string): readonly string[] => commitPaths.get(sha) ?? [];
  const fixes = groupSameFix(security, pathsOf).map(firstCommitFirst);
  const { merge } = early;
  return {
    sync: {
      merge: { clean: merge.conflicts.length === 0, conflicts: merge.conflicts }, picks, carries, unforecastPicks: ordered.length - forecast.length,
      securityFixes: fixes.filter((fix) => fix.length > 1).map((fix) => fix.map((commit) => commit.sha)),
    },
    commits: settled,
    findings: securityFindings(fixes, picks, pathsOf),
    notices,
  };
}

/**
 * A fork commit that upstream's commit of the same subject and lines ports
 * (commits.applied's `ported`: an upstream that rebases its own patches, a
 * fix both sides adapted) is superseded, as one of the same patch-id is: the
 * ledger read the fork's lines, which stay the fork's own after the port.
 */
function supersedePorts(carries: CarryEntry[], applied: Commits['applied']): CarryEntry[] {
  const ported = new Set(applied.flatMap((entry) => (entry.how === 'ported' && entry.forkCommit !== null ? [entry.forkCommit] : [])));
  return carries.map((carry) => (carry.status !== 'reverted' && ported.has(carry.sha) ? { ...carry, status: 'superseded' } : carry));
}

/**
 * The tips' merge, which is also the pick of upstream's tip when that is one
 * commit on top of the merge base: the same base, the fork's tree, the same
 * tip. A fork one commit behind (a quiet release branch between syncs) then
 * merges its trees once, not twice.
 */
interface TipsMerge {
  tip: string;
  base: string;
  result: Promise<MergeTreeResult>;
}

/** Forecasts picks onto the fork's tree: trivially clean ones without git, the rest batched where git can. */
const forecastPicks = (source: GitSource, scratch: ScratchObjects, forkTree: string, isTriviallyClean: (sha: string) => boolean, tips: TipsMerge) =>
  async (commits: readonly CommitInfo[]): Promise<Map<string, Merged>> => {
    const { forecaster } = source;
    const results = new Map<string, Merged>();
    if (commits.length === 0) return results;
    const parents = await forecaster.parentsOf(commits.map((commit) => commit.sha));
    const isTipsMerge = (sha: string): boolean => sha === tips.tip && parents.get(sha)?.length === 1 && parents.get(sha)?.[0] === tips.base;
    const toMerge = commits.filter((commit) => !isTriviallyClean(commit.sha) && !isTipsMerge(commit.sha) && parents.get(commit.sha)?.[0] !== undefined);
    const batch = await forecaster.pickAllOnto(scratch, forkTree, toMerge.map((commit) => ({ commit: commit.sha, parent: parents.get(commit.sha)?.[0] ?? '' })));
    const merged = new Map(batch?.map((result, index) => [toMerge[index]?.sha ?? '', result]));
    const forecasts = await mapPool(commits, PARALLEL_PICKS, async (commit): Promise<Merged> => {
      // A trivially clean pick changes the tree: any tree but the fork's reads as clean.
      if (isTriviallyClean(commit.sha)) return { tree: `${forkTree}+${commit.sha}`, conflicts: [] };
      if (isTipsMerge(commit.sha)) return await tips.result;
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
  // Their changes, read once for the applied check, the set-back rule and the undo pairs (the line history has most).
  const read = await readCommitChanges(source.history, candidates.filter((commit) => mayBeWithinCap(filesOf, commit.sha)).map((commit) => commit.sha), (sha) => fork.lines.changeOf(sha));
  const known = (sha: string): CommitChange | undefined => read.get(sha) ?? fork.lines.changeOf(sha);
  const inUpstream = await findAppliedByLines(source.history, source.upstream.sha, candidates, forkRenames(toUpstream), () => [], { ownTip: source.fork.sha, filesOf, known });
  // A commit that sets lines back to the merge base's is undoing the fork's own change, whatever upstream has.
  const restoring = source.mergeBase === null ? new Set<string>()
    : await restoringBase(source.history, source.mergeBase, inUpstream.map((entry) => entry.commit.sha), known);
  const supersededByLines = new Set(inUpstream.map((entry) => entry.commit.sha).filter((sha) => !restoring.has(sha)));
  const undone = await findUndoPairs(source.history, candidates.map((commit) => ({ sha: commit.sha, files: filesOf.get(commit.sha) ?? [] })), known);
  const refs = logged.map((commit) => readConventions(commit.subject, commit.body));
  const messages = await forecaster.messagesMentioning(source.upstream.sha, refs.flatMap((ref) => (ref.upstreamRef ? [ref.upstreamRef] : [])));
  const trailers = [...new Set(refs.flatMap((ref) => ref.cherryPickedFrom))];
  const upstreamHas = await forecaster.reachedFrom(source.upstream.sha, trailers);
  const changesUpstream = await forecaster.changeIdsIn(source.upstream.sha, [...new Set(refs.flatMap((ref) => (ref.changeId ? [ref.changeId] : [])))]);
  const cherryPicked = new Map(trailers.map((sha) => [sha, upstreamHas.has(sha)]));
  // Line counts come last: they wait for the whole diff.
  const stats = await numstat;
  const followed = fork.lines.counts();
  // Lines of files one commit alone touched are that commit's (those files are not followed).
  const single = new Map<string, { live: number; removed: number }>();
  for (const [path, shas] of fork.pathCommits.byPath) {
    const [sha] = shas;
    if (!hasSoleCommit(fork.pathCommits, path) || sha === undefined) continue;
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
    renamed: 0,
    kept: 0,
    isPatchUpstream: commit.mark === '=',
    isLinesUpstream: supersededByLines.has(commit.sha),
  }));
  await countKeptRenames(source, fork.pathCommits, facts.filter((commit) => commit.live === 0 && commit.removed === 0));
  await countKeptFiles(source, fork.pathCommits, filesOf, facts.filter((commit) => commit.live === 0 && commit.removed === 0 && commit.renamed === 0));
  return buildLedger(facts, {
    isUpstreamCommit: (sha) => cherryPicked.get(sha) ?? false,
    isUpstreamChange: (changeId) => changesUpstream.has(changeId),
    undone,
    isMergedUpstream: (ref) => messages.some((message) => isMergeOf(ref, message)),
  });
}
