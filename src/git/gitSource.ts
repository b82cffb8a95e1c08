import type { CommitInfo, Commits, RefSide } from '../model.js';
import { logMergesByIds } from './commitLog.js';
import type { LoggedCommit } from './commitLog.js';
import { logCommitRange } from './commits.js';
import type { CommitRange } from './commits.js';
import { createForecaster } from './forecast.js';
import type { Forecaster } from './forecast.js';
import { spawnTwoTipDiff } from './diffStream.js';
import { fetchRef, resolveFetchedRef } from './fetch.js';
import { resolveLocalRevision } from './localRevision.js';
import type { RefTarget } from './fetch.js';
import { createHistory } from './history.js';
import type { History } from './history.js';
import { findMergeBase } from './mergeBase.js';
import { reportFetchProgress } from './progress.js';
import { resolveRemote } from './remotes.js';
import { openRepo } from './repo.js';
import type { Repo } from './repo.js';
import { auditedTip } from './reportCommits.js';
import { createBlobReader } from './blobReader.js';
import type { GitProcess } from './spawnGit.js';

export interface GitSourceOptions {
  /** Where forkdiff runs: inside a clone of the fork. */
  cwd: string;
  /** Upstream remote name, URL or path (default `upstream`). */
  upstream: string;
  /** The fork's remote name, URL or path (default `origin`). */
  origin: string;
  /** The branch compared on both sides, e.g. `v0.11`. */
  ref: string;
  /** The fork's branch when it differs from upstream's (default: `ref`). */
  forkRef?: string;
  /**
   * A local commit audited as the fork side instead of the fork's branch
   * (`--fork-rev HEAD` in a pull request job); it is never fetched.
   */
  forkRev?: string;
  /** False for `--no-fetch`: use remote-tracking refs fetched earlier. */
  fetch: boolean;
  /** False for `--no-progress`: no fetch progress even on a terminal. */
  isProgress?: boolean;
}

export type ResolvedSide = RefSide & { sha: string };
export type TreeSide = 'upstream' | 'fork' | 'base';

/** Everything git mode knows about one ref pair; the only door to the user's repo. */
export interface GitSource {
  upstream: ResolvedSide;
  fork: ResolvedSide;
  /** Null when the histories share no commit (two-tip mode: sides unknown). */
  mergeBase: string | null;
  /** Diff prefixes, e.g. `upstream/v0.11/` and `origin/v0.11/`. */
  srcPrefix: string;
  dstPrefix: string;
  notices: string[];
  /** The rename limit every `-M` of the run uses (repo.ts). */
  renameLimit: number;
  /** Streams `git diff upstream fork`; await `done` for git's exit status. */
  diff(): GitProcess;
  readFile(side: TreeSide, path: string): Promise<string | null>;
  /** Ends the long-lived git processes the source started (whole-file reads). */
  close(): void;
  /** Null without a merge base: which commits are whose is then unknowable. */
  commits(): Promise<Commits | null>;
  /** The upstream commits no fork commit has the patch-id of, known before `commits` (no cherry-picks paired yet); null without a merge base. */
  missingCommits(): Promise<readonly CommitInfo[] | null>;
  /** Every fork commit since the merge base with its message and cherry-mark (read with `commits`, once). */
  forkCommits(): Promise<LoggedCommit[]>;
  /** Of these commit names, the merges, newest first (see `Commits.merges`). */
  mergeCommits(names: readonly string[]): Promise<CommitInfo[]>;
  history: History;
  /** What the sync plan needs from git: merge and pick forecasts in a private object store. */
  forecaster: Forecaster;
}

/** Opens the clone, fetches (unless told not to) both refs and finds their merge base. */
export const openGitSource = async (options: GitSourceOptions): Promise<GitSource> => {
  const repo = await openRepo(options.cwd, process.stderr.isTTY && options.isProgress !== false ? reportFetchProgress : undefined);
  const upstreamTarget: RefTarget = { role: 'upstream', remote: resolveRemote(repo, options.upstream, 'upstream'), ref: options.ref };
  const resolveSide = options.fetch ? fetchRef : resolveFetchedRef;
  const forkOf = (): Promise<ForkSide> =>
    options.forkRev === undefined ? forkBranch(repo, options, upstreamTarget, resolveSide) : forkRevision(repo, options, options.forkRev, upstreamTarget);
  const [upstreamSha, fork] = options.fetch
    ? [await resolveSide(repo, upstreamTarget), await forkOf()]
    : await both(resolveSide(repo, upstreamTarget), forkOf()); // refs fetched earlier: read at once
  // Whole files go through one long-lived cat-file, started on the first read.
  const blobs = createBlobReader(repo.cwd);
  // A --fork-rev is named as given: its target is only where a shallow clone deepens from.
  const forkName = fork.side.remote === '.' ? fork.side.ref : undefined;
  const baseOf = (sha: string) => findMergeBase(repo, { upstream: { ...upstreamTarget, sha: upstreamSha }, fork: { ...fork.target, sha } }, options.fetch, forkName);
  // The tip is almost always audited itself: its merge base is looked for while that is checked.
  const tipBase = baseOf(fork.side.sha);
  tipBase.catch(() => undefined); // awaited below
  const audited = await auditedTip(repo, blobs, fork.side.sha);
  const forkSha = audited.sha;
  const { mergeBase, notices } = forkSha === fork.side.sha ? await tipBase : await tipBase.then(() => baseOf(forkSha), () => baseOf(forkSha));
  const [srcPrefix, dstPrefix] = fork.prefixes;
  const shaOf = { upstream: upstreamSha, fork: forkSha, base: mergeBase } satisfies Record<TreeSide, string | null>;
  let logged: Promise<CommitRange> | null = null;
  const logOnce = (): Promise<CommitRange> => (logged ??= logCommitRange(repo, blobs, upstreamSha, forkSha));
  let settled: Promise<Commits> | null = null;
  const settleOnce = (): Promise<Commits> => (settled ??= logOnce().then((range) => range.settle()));

  return {
    upstream: { remote: options.upstream, ref: upstreamTarget.ref, sha: upstreamSha },
    fork: { ...fork.side, sha: forkSha },
    mergeBase,
    srcPrefix,
    dstPrefix,
    notices: audited.skipped === 0 ? notices : [`the fork's tip only adds forkdiff reports on top of ${forkSha.slice(0, 12)}: that commit is audited`, ...notices],
    renameLimit: repo.renameLimit,
    diff: () => spawnTwoTipDiff(repo.cwd, { upstreamSha, forkSha, srcPrefix, dstPrefix }, repo.renameLimit),
    close: () => blobs.close(),
    readFile: async (side, path) => {
      const sha = shaOf[side];
      return sha ? blobs.read(sha, path) : null;
    },
    commits: async () => (mergeBase ? await settleOnce() : null),
    missingCommits: async () => (mergeBase ? (await logOnce()).missing : null),
    forkCommits: async () => (mergeBase ? (await logOnce()).forkCommits : []),
    mergeCommits: (names) => logMergesByIds(repo, names),
    history: createHistory(repo, blobs),
    forecaster: createForecaster(repo, blobs, async () => (mergeBase ? (await logOnce()).parents : new Map())),
  };
};

/** Both values; when both fail, the first one's error (as when they ran one after the other). */
const both = async <A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> => {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return [a.value, b.value];
};

/** The fork side: what the report names, where a shallow clone deepens it from, and the diff's prefixes. */
interface ForkSide {
  side: ResolvedSide;
  target: RefTarget;
  prefixes: [string, string];
}

/** The fork's branch on its remote, fetched like upstream's. */
const forkBranch = async (repo: Repo, options: GitSourceOptions, upstream: RefTarget, resolveSide: typeof fetchRef): Promise<ForkSide> => {
  const target: RefTarget = { role: 'fork', remote: resolveRemote(repo, options.origin, 'fork'), ref: options.forkRef ?? options.ref };
  const sha = await resolveSide(repo, target);
  return { side: { remote: options.origin, ref: target.ref, sha }, target, prefixes: prefixes(upstream, target) };
};

/**
 * `--fork-rev`: a local commit, never fetched; `.` is how git names the local
 * repository as a remote. The fork's remote branch (or upstream's, in a clone
 * without that remote) is only where a shallow clone deepens history from.
 */
const forkRevision = async (repo: Repo, options: GitSourceOptions, rev: string, upstream: RefTarget): Promise<ForkSide> => {
  const sha = await resolveLocalRevision(repo, rev);
  const hasForkRemote = options.origin !== 'origin' || repo.remotes.some((remote) => remote.name === 'origin');
  const target: RefTarget = hasForkRemote
    ? { role: 'fork', remote: resolveRemote(repo, options.origin, 'fork'), ref: options.forkRef ?? options.ref }
    : { ...upstream, role: 'fork' };
  return { side: { remote: '.', ref: rev, sha }, target, prefixes: [`${upstream.remote.displayName}/${upstream.ref}/`, 'fork-rev/'] };
};

/** `upstream/v0.11/` and `origin/v0.11/`; by role when two URLs shorten to the same name. */
const prefixes = (upstream: RefTarget, fork: RefTarget): [string, string] => {
  const isAmbiguous = upstream.remote.displayName === fork.remote.displayName;
  const upstreamName = isAmbiguous ? 'upstream' : upstream.remote.displayName;
  const forkName = isAmbiguous ? 'origin' : fork.remote.displayName;
  return [`${upstreamName}/${upstream.ref}/`, `${forkName}/${fork.ref}/`];
};
