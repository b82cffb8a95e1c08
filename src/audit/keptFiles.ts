import type { GitSource } from '../git/gitSource.js';
import { renamesOutOf } from '../git/history.js';
import type { PathCommits } from '../git/history.js';
import type { ForkCommitFacts } from '../sync/ledger.js';

/**
 * A binary or empty file has no lines to count, so a commit that only added
 * or replaced such files (nextcord's server banners and icons, act-cli's
 * `remove .actrc`) read as dropped while the fork tip still had what it did:
 * dropping it would lose the files. Counts, for each of `commits` (those no
 * line, removal or rename carries), the files the fork tip has exactly as
 * the commit left them (the same blob), and the files it deleted that the
 * tip still lacks, where the file it deleted was the merge base's: as the
 * base had it, or as earlier fork commits changed it without ever taking the
 * path away. A file a later commit changed again is that commit's; a file
 * the commit deleted that an earlier fork commit had put back is not the
 * base's (the merged-renamed fork's shim, added and then dropped, at a path
 * its rename had emptied).
 */
export async function countKeptFiles(source: GitSource, paths: Pick<PathCommits, 'byPath' | 'order' | 'renamedInto'>, filesOf: ReadonlyMap<string, readonly string[]>, commits: ForkCommitFacts[]): Promise<void> {
  const base = source.mergeBase;
  if (base === null) return;
  const asked = commits.flatMap((commit) => (filesOf.get(commit.sha) ?? []).map((path) => ({ commit, path })));
  if (asked.length === 0) return;
  const names = (sha: string, path: string): string[] => [`${sha}:${path}`, `${source.fork.sha}:${path}`, `${base}:${path}`, `${sha}^:${path}`];
  const ids = await source.history.blobIds(asked.flatMap(({ commit, path }) => names(commit.sha, path)));
  // Deletions of a file earlier fork commits had changed: the base's only if the path was there after each of them.
  const renamedAway = renamesOutOf(paths);
  const changedBefore: { commit: ForkCommitFacts; earlier: string[] }[] = [];
  asked.forEach(({ commit, path }, index) => {
    const [left, tip, atBase, before] = ids.slice(4 * index, 4 * index + 4);
    if (left != null ? left === tip : tip == null && atBase != null && before === atBase) commit.kept += 1;
    else if (left == null && tip == null && atBase != null && before != null) changedBefore.push({ commit, earlier: earlierCommits(paths, renamedAway, commit.sha, path).map((sha) => `${sha}:${path}`) });
  });
  if (changedBefore.length === 0) return;
  const present = await source.history.blobIds(changedBefore.flatMap(({ earlier }) => earlier));
  let at = 0;
  for (const { commit, earlier } of changedBefore) {
    if (present.slice(at, at + earlier.length).every((id) => id != null)) commit.kept += 1;
    at += earlier.length;
  }
}

/** The fork commits before `sha` that touched `path` under that name, or renamed it away. */
const earlierCommits = (
  { byPath, order }: Pick<PathCommits, 'byPath' | 'order'>, renamedAway: ReturnType<typeof renamesOutOf>, sha: string, path: string,
): string[] => {
  const place = order.get(sha) ?? -1;
  // Newest first: a larger place is an earlier commit.
  return [...(byPath.get(path) ?? []), ...(renamedAway.get(path) ?? []).map((rename) => rename.sha)].filter((other) => (order.get(other) ?? -1) > place);
};
