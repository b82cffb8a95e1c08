import type { FileDiff } from '../model.js';
import type { History } from '../git/history.js';
import { loadChangedSpans } from './changedSpans.js';
import { fileSides } from './fileSides.js';
import type { Tips } from './fileSides.js';
import { loadPathCommits, setHunkCommits } from './hunkCommits.js';
import type { CommitSources } from './hunkCommits.js';
import { setHunkSides } from './hunkSides.js';
import type { ChangedSpans } from './hunkSides.js';
import { loadLineHistory } from './lineHistory.js';

/** What attribution needs from git mode (a `GitSource` fits). */
export interface AttributionSource {
  mergeBase: string | null;
  upstream: { sha: string };
  fork: { sha: string };
  history: History;
}

/** Attributes a batch of files in place; call it per file as the diff streams, or once for all. */
export type Attributor = (files: FileDiff[]) => Promise<void>;

/** What every batch shares, read once per run: six streamed git processes in all. */
interface SideHistory {
  changed: ChangedSpans;
  commits: CommitSources;
}

const loadSideHistory = async (tips: Tips, history: History): Promise<SideHistory> => {
  const pathCommits = loadPathCommits(tips, history);
  const [upstream, fork, upstreamLines, forkLines] = await Promise.all([
    loadChangedSpans(history, tips.base, tips.upstream),
    loadChangedSpans(history, tips.base, tips.fork),
    pathCommits.then((touched) => loadLineHistory(history, tips.base, tips.upstream, touched.upstream)),
    pathCommits.then((touched) => loadLineHistory(history, tips.base, tips.fork, touched.fork)),
  ]);
  return { changed: { upstream, fork }, commits: { pathCommits: await pathCommits, lines: { upstream: upstreamLines, fork: forkLines } } };
};

/**
 * Sets `side` on every file and hunk of the upstream → fork diff and links
 * hunks to commits, from the three trees base, upstream and fork. Without a
 * merge base nothing can be said: sides stay null and commits empty. What
 * every batch shares (which lines and paths each side changed, and by which
 * commits) is read once, starting on the first batch.
 */
export const createAttributor = (source: AttributionSource): Attributor => {
  const { mergeBase, history } = source;
  if (!mergeBase) return async (files) => files.forEach(clearAttribution);
  const tips = { base: mergeBase, upstream: source.upstream.sha, fork: source.fork.sha };
  let shared: Promise<SideHistory> | null = null;
  return async (files) => {
    shared ??= loadSideHistory(tips, history);
    const sides = await fileSides(files, tips, history);
    files.forEach((file, index) => {
      file.side = sides[index] ?? null;
    });
    const { changed, commits } = await shared;
    setHunkSides(files, changed);
    setHunkCommits(files, commits);
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
