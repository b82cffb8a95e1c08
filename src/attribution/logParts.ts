import { availableParallelism } from 'node:os';

/** First-parent commits each part of a split line log holds at least: a shorter history is read in one process. */
export const PART_COMMITS = 500;

/** Parts at most, whatever the cores: each is one more git walking the same history. */
const MAX_PARTS = 4;

/**
 * The ranges one side's first-parent history is read in, oldest first:
 * `base..tip` whole, or cut at commits of its first-parent chain (`chain`,
 * newest first) into parts of at least `commits`, one per core. Read
 * in order, the parts' patches are the whole log's: each first-parent
 * commit's diff against its first parent is the same in any range that
 * holds it. yt-dlp's 6,215 commits since youtube-dl are one log of 46 MB
 * that git writes on one core for 4 s while the other idles.
 */
export const logRanges = (base: string, tip: string, chain: readonly string[], { commits, cores } = { commits: PART_COMMITS, cores: availableParallelism() }): [string, string][] => {
  const parts = Math.min(MAX_PARTS, cores, Math.floor(chain.length / commits));
  if (parts < 2) return [[base, tip]];
  const oldestFirst = [...chain].reverse();
  const cuts = Array.from({ length: parts - 1 }, (_, index) => oldestFirst[Math.floor(((index + 1) * oldestFirst.length) / parts) - 1] ?? tip);
  const ends = [base, ...cuts, tip];
  return ends.slice(1).map((to, index): [string, string] => [ends[index] ?? base, to]);
};
