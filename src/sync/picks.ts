import type { CommitInfo, PickForecast, PickResult } from '../model.js';

/** Past this many missing commits the picks are capped (with a notice): forecasting is one merge per commit. */
export const MAX_PICKS = 500;

/** Security fixes first, then other fixes, then the rest; newest first within each (git log's order). */
export const byUrgency = (commits: readonly CommitInfo[]): CommitInfo[] => {
  const rank = (commit: CommitInfo): number => (commit.security.length > 0 ? 0 : commit.isFix ? 1 : 2);
  return commits.map((commit, index) => ({ commit, index })).sort((a, b) => rank(a.commit) - rank(b.commit) || a.index - b.index).map(({ commit }) => commit);
};

/** One pick's forecast from the merged tree and its conflicts: empty when nothing would change. */
export const pickResult = (commit: CommitInfo, merged: { tree: string; conflicts: readonly { path: string }[] }, forkTree: string): PickForecast => {
  const result: PickResult = merged.conflicts.length > 0 ? 'conflict' : merged.tree === forkTree ? 'empty' : 'clean';
  return {
    sha: commit.sha,
    subject: commit.subject,
    result,
    conflicts: merged.conflicts.map((conflict) => conflict.path),
    isFix: commit.isFix,
    security: commit.security,
  };
};

/** Runs `task` over `items` with at most `limit` at once, keeping the order of results. */
export const mapPool = async <Item, Result>(items: readonly Item[], limit: number, task: (item: Item) => Promise<Result>): Promise<Result[]> => {
  const results: Result[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) results[index] = await task(items[index] as Item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};
