import type { History } from '../git/history.js';
import type { AppliedCommit, CommitInfo } from '../model.js';
import { isTelling } from './carriedLines.js';
import { isOversized, readCommitChanges } from './commitChanges.js';
import type { CommitChange, KnownChanges } from './commitChanges.js';
import { asForkLine } from './renames.js';
import type { ForkRenames } from './renames.js';
import { appendTo } from '../multiMap.js';

/**
 * Of the telling lines two commits added (the upstream one's as the fork
 * names them), the share both have, over the larger set: a port adapts a
 * line or two, not most of them.
 */
const MIN_PORT_SHARE = 0.8;

/**
 * Upstream commits the fork carries as a port that adapted a line or two
 * (valkey's port of redis's #12824 calls `nodeIsMaster(myself)` where redis
 * tests `myself->flags & CLUSTER_NODE_MASTER`), so that neither patch-id nor
 * lines find them: a fork-only commit with the very same subject (pull
 * request numbers aside) whose telling added lines, and removed ones, are
 * mostly the upstream commit's (MIN_PORT_SHARE), under the fork's renames.
 */
export const findPortsBySubject = async (
  history: History,
  missing: readonly CommitInfo[],
  forkOnly: readonly CommitInfo[],
  renames: ForkRenames,
  known: KnownChanges = () => undefined,
): Promise<AppliedCommit[]> => {
  const forkBySubject = new Map<string, CommitInfo[]>();
  for (const commit of forkOnly) appendTo(forkBySubject, subjectKey(commit.subject), commit);
  const pairs = missing.flatMap((commit) => {
    const ports = forkBySubject.get(subjectKey(commit.subject));
    return ports ? [{ commit, ports }] : [];
  });
  if (pairs.length === 0) return [];
  const changes = await readCommitChanges(history, [...new Set(pairs.flatMap(({ commit, ports }) => [commit.sha, ...ports.map((port) => port.sha)]))], known);
  const isPort = (upstream: CommitChange | undefined, fork: CommitChange | undefined): boolean =>
    upstream !== undefined && fork !== undefined && !isOversized(upstream) && !isOversized(fork) && isSameChange(upstream, fork, renames);
  return pairs.flatMap(({ commit, ports }) => {
    const port = ports.find((candidate) => isPort(changes.get(commit.sha), changes.get(candidate.sha)));
    return port ? [{ commit, how: 'ported' as const, forkCommit: port.sha }] : [];
  });
};

/**
 * A subject without the pull request numbers squash merges put last: act-cli's
 * `fix: post step failure is job failure (#85)` is upstream's `… (#5297)`.
 */
const subjectKey = (subject: string): string => subject.trim().replace(/(?:\s+\(#\d+\))+$/, '');

/** Do two changes add, and remove, mostly the same telling lines (the first's as the fork would write them)? */
const isSameChange = (upstream: CommitChange, fork: CommitChange, renames: ForkRenames): boolean => {
  const lines = (byPath: ReadonlyMap<string, ReadonlySet<string>>, name: (line: string) => string): Set<string> =>
    new Set([...byPath.values()].flatMap((each) => [...each].filter(isTelling).map(name)));
  const asFork = (line: string): string => asForkLine(renames, line);
  const isShared = (ours: ReadonlySet<string>, theirs: ReadonlySet<string>): boolean => {
    const both = [...ours].filter((line) => theirs.has(line)).length;
    return both >= MIN_PORT_SHARE * Math.max(ours.size, theirs.size);
  };
  const added = lines(upstream.added, asFork);
  return added.size > 0 && isShared(added, lines(fork.added, (line) => line)) && isShared(lines(upstream.removed, asFork), lines(fork.removed, (line) => line));
};
