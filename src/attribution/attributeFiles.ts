import type { FileDiff } from '../model.js';
import type { ChangedFiles, History } from '../git/history.js';
import { loadChangedSpans } from './changedSpans.js';
import { fileSide } from './fileSides.js';
import type { ChangedPaths, Tips } from './fileSides.js';
import { loadPathCommits, setHunkCommits } from './hunkCommits.js';
import type { CommitSources } from './hunkCommits.js';
import { setHunkSides } from './hunkSides.js';
import type { ChangedSpans } from './hunkSides.js';
import { loadLineHistory } from './lineHistory.js';
import { chunkGroups, linkedGroups, PATHSPEC_CHARS } from './pathChunks.js';
import type { Span } from './spans.js';

/** What attribution needs from git mode (a `GitSource` fits). */
export interface AttributionSource {
  mergeBase: string | null;
  upstream: { sha: string };
  fork: { sha: string };
  history: History;
}

/** Attributes a batch of files in place; call it per file as the diff streams, or once for all. */
export type Attributor = (files: FileDiff[]) => Promise<void>;

/** What every batch shares, read once per run: a handful of streamed git processes in all. */
interface SideHistory {
  paths: ChangedPaths;
  spans: ChangedSpans;
  commits: CommitSources;
}

/**
 * Only files both sides changed need line spans. Their paths on either side
 * are among the paths both changed, or those paths' rename partners; both
 * names go on both diffs so each side's renames pair up within the pathspec,
 * which is split into chunks of whole rename groups (one diff per chunk).
 */
const pathsBothChanged = (upstream: ChangedFiles, fork: ChangedFiles, maxChars: number): string[][] => {
  const both = [...upstream.paths].filter((path) => fork.paths.has(path));
  const partners = (path: string): string[] => [upstream.renames.get(path), fork.renames.get(path)].filter((each) => each !== undefined);
  return chunkGroups(linkedGroups(both, partners), maxChars);
};

const loadSideHistory = async (tips: Tips, history: History, pathspecChars: number): Promise<SideHistory> => {
  const pathCommits = loadPathCommits(tips, history);
  const lines = Promise.all([
    pathCommits.then((touched) => loadLineHistory(history, tips.base, tips.upstream, touched.upstream, pathspecChars)),
    pathCommits.then((touched) => loadLineHistory(history, tips.base, tips.fork, touched.fork, pathspecChars)),
  ]);
  const [upstreamFiles, forkFiles] = await Promise.all([history.changedFiles(tips.base, tips.upstream), history.changedFiles(tips.base, tips.fork)]);
  // Nothing both sides changed: no chunks, no diff (an empty pathspec would mean "everything").
  const both = pathsBothChanged(upstreamFiles, forkFiles, pathspecChars);
  const spansOf = (tip: string): Promise<Map<string, Span[]>> => loadChangedSpans(history, tips.base, tip, both);
  const [upstream, fork] = await Promise.all([spansOf(tips.upstream), spansOf(tips.fork)]);
  const [upstreamLines, forkLines] = await lines;
  return {
    paths: { upstream: upstreamFiles.paths, fork: forkFiles.paths },
    spans: { upstream, fork },
    commits: { pathCommits: await pathCommits, lines: { upstream: upstreamLines, fork: forkLines } },
  };
};

/**
 * Sets `side` on every file and hunk of the upstream → fork diff and links
 * hunks to commits, from the three trees base, upstream and fork. Without a
 * merge base nothing can be said: sides stay null and commits empty. What
 * every batch shares (which paths and lines each side changed, and by which
 * commits) is read once, starting on the first batch.
 */
export const createAttributor = (source: AttributionSource, { pathspecChars = PATHSPEC_CHARS }: AttributorOptions = {}): Attributor => {
  const { mergeBase, history } = source;
  if (!mergeBase) return async (files) => files.forEach(clearAttribution);
  const tips = { base: mergeBase, upstream: source.upstream.sha, fork: source.fork.sha };
  let shared: Promise<SideHistory> | null = null;
  return async (files) => {
    shared ??= loadSideHistory(tips, history, pathspecChars);
    const { paths, spans, commits } = await shared;
    for (const file of files) file.side = fileSide(file, paths);
    setHunkSides(files, spans);
    setHunkCommits(files, commits);
  };
};

export interface AttributorOptions {
  /** Characters of paths per git process before a pathspec is split (tests make it tiny). */
  pathspecChars?: number;
}

/** One-shot form of `createAttributor` for a whole diff. */
export const attributeFiles = (files: FileDiff[], source: AttributionSource): Promise<void> => createAttributor(source)(files);

const clearAttribution = (file: FileDiff): void => {
  file.side = null;
  for (const hunk of file.hunks) {
    hunk.side = null;
    hunk.commits = [];
  }
};
