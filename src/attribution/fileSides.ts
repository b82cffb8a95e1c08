import type { FileDiff, Side } from '../model.js';

export interface Tips {
  base: string;
  upstream: string;
  fork: string;
}

/** A file's path on each side of the upstream → fork diff. */
export const upstreamPathOf = (file: FileDiff): string => file.oldPath ?? file.path;
export const forkPathOf = (file: FileDiff): string => file.path;

/** Per side, the paths whose content differs from the merge base's (one `git diff --raw` per side per run). */
export interface ChangedPaths {
  upstream: ReadonlySet<string>;
  fork: ReadonlySet<string>;
}

/**
 * Which side moved a file, from whether its blob at base differs from the
 * side's. Both paths are checked on every tree, so a rename counts as a
 * change on the side that renamed (its old path vanished there), not as
 * "unchanged content".
 */
export const fileSide = (file: FileDiff, changed: ChangedPaths): Side => {
  const paths = [upstreamPathOf(file), forkPathOf(file)];
  return sideOf(
    paths.some((path) => changed.upstream.has(path)),
    paths.some((path) => changed.fork.has(path)),
  );
};

/** Neither side changed the content (e.g. a mode-only change): unknown, not guessed. */
export const sideOf = (isUpstreamChanged: boolean, isForkChanged: boolean): Side => {
  if (isUpstreamChanged && isForkChanged) return 'both';
  if (isUpstreamChanged) return 'upstream';
  if (isForkChanged) return 'fork';
  return null;
};
