import type { FileDiff, Hunk } from '../model.js';
import type { History, PathCommits } from '../git/history.js';
import { forkPathOf, upstreamPathOf } from './fileSides.js';
import type { Tips } from './fileSides.js';
import { MERGED } from './lineHistory.js';
import type { LineHistory } from './lineHistory.js';
import { changeBlocks } from './spans.js';

/** The commit ids hunks carry: the first 12 hex digits, as findings and reports show them. */
export const shortCommitId = (sha: string): string => sha.slice(0, 12);

type MovedSide = 'upstream' | 'fork';

/** Per side, path → commits since the merge base that touched it (one `git log` per side per run). */
export type SidePathCommits = Record<MovedSide, PathCommits>;

export const loadPathCommits = async (tips: Tips, history: History): Promise<SidePathCommits> => {
  const [upstream, fork] = await Promise.all([
    history.commitsByPath(tips.base, tips.upstream),
    history.commitsByPath(tips.base, tips.fork),
  ]);
  return { upstream, fork };
};

/** What linking needs, per side: who touched each path, and who owns each line. */
export interface CommitSources {
  pathCommits: SidePathCommits;
  lines: Record<MovedSide, LineHistory>;
}

/**
 * Links hunks to the commits that explain them: for the side(s) that moved,
 * the commits since the merge base that last touched the hunk's lines on that
 * side. A hunk whose lines are gone on that side (a deletion) or older than
 * the base falls back to every commit touching the path. A line a merge
 * brought in stands for the path's commits that came in through merges.
 */
export const setHunkCommits = (files: readonly FileDiff[], { pathCommits, lines }: CommitSources): void => {
  const linkSide = (file: FileDiff, side: MovedSide): Map<Hunk, string[]> => {
    const hunks = file.hunks.filter((hunk) => hunk.side === side || hunk.side === 'both');
    const path = side === 'upstream' ? upstreamPathOf(file) : forkPathOf(file);
    const touching = pathCommits[side].byPath.get(path) ?? [];
    const linked = new Map<Hunk, string[]>(hunks.map((hunk) => [hunk, touching]));
    if (touching.length <= 1) return linked;
    const history = lines[side];
    let mergedIn: string[] | null = null;
    const merged = (): string[] => (mergedIn ??= touching.filter((sha) => !history.isFirstParent(sha)));
    for (const hunk of hunks) {
      const shas = changeBlocks(hunk)
        .flatMap((block) => (side === 'upstream' ? block.upstreamLines : block.forkLines))
        .flatMap((line) => {
          const owner = history.ownerOf(path, line);
          if (owner === null) return [];
          return owner === MERGED ? merged() : [owner];
        });
      if (shas.length > 0) linked.set(hunk, shas);
    }
    return linked;
  };
  for (const file of files) {
    const [upstream, fork] = [linkSide(file, 'upstream'), linkSide(file, 'fork')];
    for (const hunk of file.hunks) {
      const shas = [...(upstream.get(hunk) ?? []), ...(fork.get(hunk) ?? [])];
      hunk.commits = [...new Set(shas.map(shortCommitId))];
    }
  }
};
