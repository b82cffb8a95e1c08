import type { FileDiff, Side } from '../model.js';
import type { History } from '../git/history.js';

export interface Tips {
  base: string;
  upstream: string;
  fork: string;
}

/** A file's path on each side of the upstream → fork diff. */
export const upstreamPathOf = (file: FileDiff): string => file.oldPath ?? file.path;
export const forkPathOf = (file: FileDiff): string => file.path;

/**
 * Which side moved each file, from its blobs at base, upstream and fork.
 * Both paths are checked on every tree, so a rename counts as a change on the
 * side that renamed (its old path vanished there), not as "unchanged content".
 * One `cat-file --batch-check` answers all files at once.
 */
export const fileSides = async (files: readonly FileDiff[], tips: Tips, history: History): Promise<Side[]> => {
  const names = files.flatMap((file) =>
    [upstreamPathOf(file), forkPathOf(file)].flatMap((path) => [tips.base, tips.upstream, tips.fork].map((sha) => `${sha}:${path}`)),
  );
  const blobs = await history.blobIds(names);
  return files.map((_, index) => {
    // Per file: [base, upstream, fork] at the upstream path, then the same at the fork path.
    const at = (offset: number): string | null => blobs[index * 6 + offset] ?? null;
    const isUpstreamChanged = at(0) !== at(1) || at(3) !== at(4);
    const isForkChanged = at(0) !== at(2) || at(3) !== at(5);
    return sideOf(isUpstreamChanged, isForkChanged);
  });
};

/** Neither side changed the content (e.g. a mode-only change): unknown, not guessed. */
export const sideOf = (isUpstreamChanged: boolean, isForkChanged: boolean): Side => {
  if (isUpstreamChanged && isForkChanged) return 'both';
  if (isUpstreamChanged) return 'upstream';
  if (isForkChanged) return 'fork';
  return null;
};
