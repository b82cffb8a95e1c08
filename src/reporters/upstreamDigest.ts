import { listedCommits } from '../model.js';
import type { CommitInfo, Commits, FileDiff, Hunk } from '../model.js';
import { plural } from '../text/plural.js';
import { shortSha } from './view.js';
import { vendoredDirOf } from '../vendoredDir.js';

/** Upstream-only hunks explained by one commit (or by none that could be found). */
export interface DigestRow {
  /** Short id, subject and marks of the commit; null for hunks no commit could be linked to. */
  commit: { id: string; subject: string | null; security: string[] } | null;
  /** Paths in diff order, each once; a vendored module's files as one `vendor/<module>/ (n files)`. */
  files: string[];
  hunks: number;
  additions: number;
  deletions: number;
  /** Of `hunks`, those other commits explain too (each such hunk counts under every one of them). */
  sharedHunks: number;
}

type Group = DigestRow & { rank: number; paths: Map<string, Set<string>> };

/**
 * Collects upstream-only hunks file by file (so a huge fork's hunks are read
 * once) and gives one row per commit that explains them, in the order of the
 * commit lists (missing, applied, fork-only, merges), unexplained hunks last. A hunk
 * several commits explain (a go.sum every bump touched) counts under each:
 * a reader looks a commit up, and finds all it changed.
 */
export function createUpstreamDigest(commits: Commits | null): { add(file: FileDiff, hunks: readonly Hunk[]): void; rows(): DigestRow[] } {
  const known: CommitInfo[] = commits ? [...listedCommits(commits), ...commits.merges] : [];
  const byId = new Map<string, { commit: CommitInfo; rank: number }>();
  known.forEach((commit, rank) => {
    if (!byId.has(shortSha(commit.sha))) byId.set(shortSha(commit.sha), { commit, rank });
  });
  const groups = new Map<string, Group>();
  const groupOf = (id: string | null): Group => {
    const key = id ?? '';
    let group = groups.get(key);
    if (!group) {
      const found = id === null ? undefined : byId.get(id);
      group = {
        commit: id === null ? null : { id, subject: found?.commit.subject ?? null, security: found?.commit.security ?? [] },
        rank: id === null ? Infinity : (found?.rank ?? known.length),
        files: [], paths: new Map(), hunks: 0, additions: 0, deletions: 0, sharedHunks: 0,
      };
      groups.set(key, group);
    }
    return group;
  };
  return {
    add(file, hunks) {
      const label = file.module === null ? file.path : vendoredDirOf(file.path, file.module);
      for (const hunk of hunks) {
        const ids = [...new Set(hunk.commits.map((sha) => shortSha(sha)))];
        for (const id of ids.length === 0 ? [null] : ids) {
          const group = groupOf(id);
          const paths = group.paths.get(label) ?? new Set<string>();
          group.paths.set(label, paths.add(file.path));
          group.hunks += 1;
          group.additions += hunk.additions;
          group.deletions += hunk.deletions;
          if (ids.length > 1) group.sharedHunks += 1;
        }
      }
    },
    rows() {
      const ordered = [...groups.entries()].sort(([keyA, a], [keyB, b]) => a.rank - b.rank || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0));
      return ordered.map(([, { rank: _rank, paths, ...row }]) => ({
        ...row,
        files: [...paths].map(([label, files]) => (files.size > 1 ? `${label} (${plural(files.size, 'file')})` : label)),
      }));
    },
  };
}
