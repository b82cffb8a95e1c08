import type { LogScope } from '../git/diffStream.js';
import { directoriesAbove } from '../pathDirectories.js';
import { chunkGroups } from './pathChunks.js';

/**
 * Path checks (pathspec entries × commits walked) one line log may cost
 * before listing the paths costs more than reading every file's patch. git
 * matches each tree entry a commit's diff walks against every entry of the
 * pathspec: on a generated pair, 691 paths over 3,000 commits took 3.3 s of
 * git's CPU for the same patches that 0.1 s gives without a pathspec.
 */
export const PATHSPEC_BUDGET = 200_000;

/** How big one side's line logs may grow before they change shape (tests make these tiny). */
export interface LogLimits {
  /** Characters of paths per `git log` before its pathspec is split. */
  maxChars: number;
  /** Pathspec entries × commits per `git log` before it reads the whole tree instead. */
  budget: number;
  /** Changed lines the logs keep for applied.ts (see `changeOf`); later commits are left to be read again. */
  keptLines?: number;
  /** Candidate commits × paths past which lines a merge brought in keep its candidates (see mergedLines.ts). */
  mergedPathChecks?: number;
  /** A history read in parts (see logParts.ts): first-parent commits per part at least, and the cores to run them on. */
  parts?: { commits: number; cores: number };
}

/**
 * Changed lines one side's line logs keep, about 10-40 MB (a line counts
 * once more per 256 characters, and none is over MAX_DECODED_LINE_BYTES):
 * applied.ts reads the commits they did not keep, as it read every commit
 * before.
 */
export const KEPT_CHANGED_LINES = 200_000;

/** At most this many directories are left out of a whole-tree line log (each is one more pathspec entry to match). */
const MAX_EXCLUDED = 16;

/**
 * The logs that read one side's followed paths over `commits` commits: the
 * paths themselves, in chunks of at most `maxChars`, while that stays within
 * `budget`; past it, one log of the whole tree but the largest directories
 * where nothing is followed (a vendored tree's bump costs git nothing), whose
 * patches the reader then filters by path.
 */
export const logScopes = (groups: readonly string[][], touched: Iterable<string>, commits: number, { maxChars, budget }: LogLimits): LogScope[] => {
  const paths = groups.reduce((sum, group) => sum + group.length, 0);
  if (paths * commits <= budget) return chunkGroups(groups, maxChars).map((chunk) => ({ paths: chunk }));
  return [{ allBut: quietDirectories(new Set(groups.flat()), touched) }];
};

/**
 * The highest directories holding changed paths but no followed one, those
 * with the most changed paths first (ties by name, so every run asks git the
 * same), at most `MAX_EXCLUDED`.
 */
const quietDirectories = (followed: ReadonlySet<string>, touched: Iterable<string>): string[] => {
  const busy = new Set<string>();
  for (const path of followed) for (const directory of directoriesAbove(path)) busy.add(directory);
  const counts = new Map<string, number>();
  for (const path of touched) {
    if (followed.has(path)) continue;
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      const directory = path.slice(0, slash);
      if (busy.has(directory)) continue;
      counts.set(directory, (counts.get(directory) ?? 0) + 1);
      break;
    }
  }
  return [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .slice(0, MAX_EXCLUDED)
    .map(([directory]) => directory);
};
