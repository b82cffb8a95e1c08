import type { FileDiff } from '../model.js';
import type { History } from '../git/history.js';
import { fileSides } from './fileSides.js';
import { loadPathCommits, setHunkCommits } from './hunkCommits.js';
import type { PathCommits } from './hunkCommits.js';
import { setHunkSides } from './hunkSides.js';

/** What attribution needs from git mode (a `GitSource` fits). */
export interface AttributionSource {
  mergeBase: string | null;
  upstream: { sha: string };
  fork: { sha: string };
  history: History;
}

/** Attributes a batch of files in place; call it per file as the diff streams, or once for all. */
export type Attributor = (files: FileDiff[]) => Promise<void>;

/**
 * Sets `side` on every file and hunk of the upstream → fork diff and links
 * hunks to commits, from the three trees base, upstream and fork. Without a
 * merge base nothing can be said: sides stay null and commits empty. What
 * every batch shares (which commits touched which path) is read once.
 */
export const createAttributor = (source: AttributionSource): Attributor => {
  const { mergeBase, history } = source;
  if (!mergeBase) return async (files) => files.forEach(clearAttribution);
  const tips = { base: mergeBase, upstream: source.upstream.sha, fork: source.fork.sha };
  let pathCommits: Promise<PathCommits> | null = null;
  return async (files) => {
    pathCommits ??= loadPathCommits(tips, history);
    const sides = await fileSides(files, tips, history);
    files.forEach((file, index) => {
      file.side = sides[index] ?? null;
    });
    await setHunkSides(files, tips, history);
    await setHunkCommits(files, tips, history, await pathCommits);
  };
};

/** One-shot form of `createAttributor` for a whole diff. */
export const attributeFiles = (files: FileDiff[], source: AttributionSource): Promise<void> => createAttributor(source)(files);

const clearAttribution = (file: FileDiff): void => {
  file.side = null;
  for (const hunk of file.hunks) {
    hunk.side = null;
    hunk.commits = [];
  }
};
