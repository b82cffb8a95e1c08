import type { GitSource } from '../git/gitSource.js';
import type { ForkCommitFacts } from '../sync/ledger.js';

/**
 * A binary or empty file has no lines to count, so a commit that only added
 * or replaced such files (nextcord's server banners and icons, act-cli's
 * `remove .actrc`) read as dropped while the fork tip still had what it did:
 * dropping it would lose the files. Counts, for each of `commits` (those no
 * line, removal or rename carries), the files the fork tip has exactly as
 * the commit left them (the same blob), and the files it deleted as the merge
 * base had them that the tip still lacks. A file a later commit changed
 * again is that commit's; so is a file the commit deleted that an earlier
 * fork commit had put there (the merged-renamed fork's shim, added and then
 * dropped, at a path its rename had emptied).
 */
export async function countKeptFiles(source: GitSource, filesOf: ReadonlyMap<string, readonly string[]>, commits: ForkCommitFacts[]): Promise<void> {
  const base = source.mergeBase;
  if (base === null) return;
  const asked = commits.flatMap((commit) => (filesOf.get(commit.sha) ?? []).map((path) => ({ commit, path })));
  if (asked.length === 0) return;
  const names = (sha: string, path: string): string[] => [`${sha}:${path}`, `${source.fork.sha}:${path}`, `${base}:${path}`, `${sha}^:${path}`];
  const ids = await source.history.blobIds(asked.flatMap(({ commit, path }) => names(commit.sha, path)));
  asked.forEach(({ commit }, index) => {
    const [left, tip, atBase, before] = ids.slice(4 * index, 4 * index + 4);
    const isKept = left != null ? left === tip : tip == null && atBase != null && before === atBase;
    if (isKept) commit.kept += 1;
  });
}
