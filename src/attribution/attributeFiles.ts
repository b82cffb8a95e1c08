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

// Past this many characters of paths, diff everything rather than risk the argv limit.
const MAX_PATHSPEC_CHARS = 64 * 1024;

/**
 * Only files both sides changed need line spans. Their paths on either side
 * are among the paths both changed, or those paths' rename partners; both
 * names go on both diffs so each side's renames pair up within the pathspec.
 */
const pathsBothChanged = (upstream: ChangedFiles, fork: ChangedFiles): string[] | null => {
  const both = [...upstream.paths].filter((path) => fork.paths.has(path));
  const paths = new Set(both.flatMap((path) => [path, upstream.renames.get(path), fork.renames.get(path)].filter((each) => each !== undefined)));
  let chars = 0;
  for (const path of paths) chars += path.length + 1;
  return chars > MAX_PATHSPEC_CHARS ? null : [...paths].sort();
};

const loadSideHistory = async (tips: Tips, history: History): Promise<SideHistory> => {
  const pathCommits = loadPathCommits(tips, history);
  const lines = Promise.all([
    pathCommits.then((touched) => loadLineHistory(history, tips.base, tips.upstream, touched.upstream)),
    pathCommits.then((touched) => loadLineHistory(history, tips.base, tips.fork, touched.fork)),
  ]);
  const [upstreamFiles, forkFiles] = await Promise.all([history.changedFiles(tips.base, tips.upstream), history.changedFiles(tips.base, tips.fork)]);
  const both = pathsBothChanged(upstreamFiles, forkFiles);
  // Nothing both sides changed: no spans needed (an empty pathspec would mean "everything").
  const spansOf = async (tip: string): Promise<Map<string, Span[]>> =>
    both?.length === 0 ? new Map() : loadChangedSpans(history, tips.base, tip, both ?? []);
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
export const createAttributor = (source: AttributionSource): Attributor => {
  const { mergeBase, history } = source;
  if (!mergeBase) return async (files) => files.forEach(clearAttribution);
  const tips = { base: mergeBase, upstream: source.upstream.sha, fork: source.fork.sha };
  let shared: Promise<SideHistory> | null = null;
  return async (files) => {
    shared ??= loadSideHistory(tips, history);
    const { paths, spans, commits } = await shared;
    for (const file of files) file.side = fileSide(file, paths);
    setHunkSides(files, spans);
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
