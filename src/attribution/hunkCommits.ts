import type { FileDiff, Hunk } from '../model.js';
import type { History } from '../git/history.js';
import { forkPathOf, upstreamPathOf } from './fileSides.js';
import type { Tips } from './fileSides.js';
import { changeBlocks } from './spans.js';

const SHORT_SHA = 12;

type MovedSide = 'upstream' | 'fork';

/** Per side, path → commits since the merge base that touched it (one `git log` per side per run). */
export type PathCommits = Record<MovedSide, Map<string, string[]>>;

export const loadPathCommits = async (tips: Tips, history: History): Promise<PathCommits> => {
  const [upstream, fork] = await Promise.all([
    history.commitsByPath(tips.base, tips.upstream),
    history.commitsByPath(tips.base, tips.fork),
  ]);
  return { upstream, fork };
};

/**
 * Links hunks to the commits that explain them: for the side(s) that moved,
 * the commits since the merge base that last touched the hunk's lines on that
 * side. A path only one commit touched needs no blame; a hunk whose lines are
 * gone on that side (a deletion) falls back to every commit touching the path.
 */
export const setHunkCommits = async (
  files: readonly FileDiff[],
  tips: Tips,
  history: History,
  { upstream: upstreamByPath, fork: forkByPath }: PathCommits,
): Promise<void> => {
  const linkSide = async (file: FileDiff, side: MovedSide): Promise<Map<Hunk, string[]>> => {
    const hunks = file.hunks.filter((hunk) => hunk.side === side || hunk.side === 'both');
    const path = side === 'upstream' ? upstreamPathOf(file) : forkPathOf(file);
    const pathCommits = (side === 'upstream' ? upstreamByPath : forkByPath).get(path) ?? [];
    const linked = new Map<Hunk, string[]>(hunks.map((hunk) => [hunk, pathCommits]));
    if (hunks.length === 0 || pathCommits.length <= 1) return linked;
    const linesOf = (hunk: Hunk): number[] =>
      changeBlocks(hunk).flatMap((block) => (side === 'upstream' ? block.upstreamLines : block.forkLines));
    const lines = hunks.flatMap(linesOf);
    if (lines.length === 0) return linked;
    const blamed = await history.blame(side === 'upstream' ? tips.upstream : tips.fork, tips.base, path, toRanges(lines));
    if (!blamed) return linked;
    for (const hunk of hunks) {
      const shas = linesOf(hunk).flatMap((line) => blamed.get(line) ?? []);
      if (shas.length > 0) linked.set(hunk, shas);
    }
    return linked;
  };
  await Promise.all(
    files.map(async (file) => {
      const [upstream, fork] = await Promise.all([linkSide(file, 'upstream'), linkSide(file, 'fork')]);
      for (const hunk of file.hunks) {
        const shas = [...(upstream.get(hunk) ?? []), ...(fork.get(hunk) ?? [])];
        hunk.commits = [...new Set(shas.map((sha) => sha.slice(0, SHORT_SHA)))];
      }
    }),
  );
};

/** Sorted line numbers → the fewest `-L from,to` ranges covering them. */
const toRanges = (lines: number[]): { from: number; to: number }[] => {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: { from: number; to: number }[] = [];
  for (const line of sorted) {
    const last = ranges.at(-1);
    if (last && line === last.to + 1) last.to = line;
    else ranges.push({ from: line, to: line });
  }
  return ranges;
};
