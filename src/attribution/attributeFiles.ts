import type { FileDiff } from '../model.js';
import type { History } from '../git/history.js';
import { fileSides } from './fileSides.js';
import { setHunkCommits } from './hunkCommits.js';
import { setHunkSides } from './hunkSides.js';

/** What attribution needs from git mode (a `GitSource` fits). */
export interface AttributionSource {
  mergeBase: string | null;
  upstream: { sha: string };
  fork: { sha: string };
  history: History;
}

/**
 * Sets `side` on every file and hunk of the upstream → fork diff and links
 * hunks to commits, from the three trees base, upstream and fork. Without a
 * merge base nothing can be said: sides stay null and commits empty.
 */
export const attributeFiles = async (files: FileDiff[], source: AttributionSource): Promise<void> => {
  if (!source.mergeBase) {
    for (const file of files) {
      file.side = null;
      for (const hunk of file.hunks) {
        hunk.side = null;
        hunk.commits = [];
      }
    }
    return;
  }
  const tips = { base: source.mergeBase, upstream: source.upstream.sha, fork: source.fork.sha };
  const sides = await fileSides(files, tips, source.history);
  files.forEach((file, index) => {
    file.side = sides[index] ?? null;
  });
  await setHunkSides(files, tips, source.history);
  await setHunkCommits(files, tips, source.history);
};
