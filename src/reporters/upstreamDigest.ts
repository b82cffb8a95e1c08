import type { CommitInfo, Commits, Hunk } from '../model.js';
import { compareText } from '../findingOrder.js';
import { shortSha } from './view.js';

/** Upstream-only hunks explained by one set of commits (usually one commit). */
export interface DigestRow {
  /** The commits, short id and subject; empty when no commit could be linked. */
  commits: { id: string; subject: string | null; isFix: boolean; security: string[] }[];
  /** Paths in diff order, each once. */
  files: string[];
  hunks: number;
  additions: number;
  deletions: number;
}

/**
 * Collects upstream-only hunks file by file (so a huge fork's hunks are read
 * once) and gives one row per commit set, in the order of the commit lists
 * (missing, applied, fork-only), unexplained hunks last.
 */
export function createUpstreamDigest(commits: Commits | null): { add(path: string, hunks: readonly Hunk[]): void; rows(): DigestRow[] } {
  const known: CommitInfo[] = commits ? [...commits.missingFromFork, ...commits.applied.map((each) => each.commit), ...commits.forkOnly] : [];
  const byId = new Map<string, { commit: CommitInfo; rank: number }>();
  known.forEach((commit, rank) => {
    if (!byId.has(shortSha(commit.sha))) byId.set(shortSha(commit.sha), { commit, rank });
  });
  const groups = new Map<string, DigestRow & { rank: number; paths: Set<string> }>();
  return {
    add(path, hunks) {
      for (const hunk of hunks) {
        const ids = [...new Set(hunk.commits.map((sha) => shortSha(sha)))].sort(compareText);
        const key = ids.join(' ');
        let group = groups.get(key);
        if (!group) {
          const linked = ids.map((id) => ({ id, found: byId.get(id) }));
          group = {
            commits: linked.map(({ id, found }) => ({
              id, subject: found?.commit.subject ?? null, isFix: found?.commit.isFix ?? false, security: found?.commit.security ?? [],
            })),
            rank: ids.length === 0 ? Infinity : Math.min(...linked.map(({ found }) => found?.rank ?? known.length)),
            files: [], paths: new Set(), hunks: 0, additions: 0, deletions: 0,
          };
          groups.set(key, group);
        }
        if (!group.paths.has(path)) {
          group.paths.add(path);
          group.files.push(path);
        }
        group.hunks += 1;
        group.additions += hunk.additions;
        group.deletions += hunk.deletions;
      }
    },
    rows() {
      const ordered = [...groups.entries()].sort(([keyA, a], [keyB, b]) => a.rank - b.rank || compareText(keyA, keyB));
      return ordered.map(([, { commits: linked, files, hunks, additions, deletions }]) => ({ commits: linked, files, hunks, additions, deletions }));
    },
  };
}
