import type { GitSource } from '../git/gitSource.js';
import { renamesOutOf } from '../git/history.js';
import type { PathCommits } from '../git/history.js';
import type { ForkCommitFacts } from '../sync/ledger.js';

/**
 * A commit that only renamed files has no lines, yet the fork tip keeps its
 * renames: dropping it would give the files their old names back. Counts,
 * for each of `commits`, the renames whose last name (through later renames)
 * the fork tip has and whose first it lacks (a name renamed back is not kept).
 */
export async function countKeptRenames(source: GitSource, paths: PathCommits, commits: ForkCommitFacts[]): Promise<void> {
  const placeOf = (sha: string): number => paths.order.get(sha) ?? 0;
  const renames = [...paths.renamedInto].flatMap(([to, into]) => into.map(({ from, sha }) => ({ from, to, at: placeOf(sha), sha })));
  const outOf = renamesOutOf(paths);
  // The name `path` ends with after the renames of it newer than log place `at` (newest first: smaller is later).
  const lastName = (path: string, at: number): string => {
    const next = (outOf.get(path) ?? []).filter((rename) => placeOf(rename.sha) < at).sort((a, b) => placeOf(b.sha) - placeOf(a.sha))[0];
    return next ? lastName(next.to, placeOf(next.sha)) : path;
  };
  const wanted = new Set(commits.map((commit) => commit.sha));
  const asked = renames.flatMap((rename) => {
    const last = lastName(rename.to, rename.at);
    return wanted.has(rename.sha) && last !== rename.from ? [{ sha: rename.sha, from: rename.from, last }] : [];
  });
  if (asked.length === 0) return;
  const ids = await source.history.blobIds(asked.flatMap(({ from, last }) => [`${source.fork.sha}:${last}`, `${source.fork.sha}:${from}`]));
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  asked.forEach(({ sha }, index) => {
    const commit = bySha.get(sha);
    if (commit && ids[2 * index] != null && ids[2 * index + 1] == null) commit.renamed += 1;
  });
}
