import type { BothSides, SideFacts } from '../attribution/lineFacts.js';
import { chunkGroups } from '../attribution/pathChunks.js';
import type { GitSource } from '../git/gitSource.js';
import { hasSoleCommit } from '../git/history.js';
import type { FileDiff } from '../model.js';

/** Lines added and deleted in a path, as `git diff --numstat` counts them. */
export type LineCount = { added: number; deleted: number };

/** Base → fork line counts of the paths one fork commit alone touched, which the carry ledger credits to that commit. */
export interface ForkLineCounter {
  /** A file of the two-tip diff, attributed: its counts are kept when they are wanted. */
  observe(file: FileDiff): void;
  /** Every file went by, or none will (the audit failed). */
  done(): void;
  /** The counts, per path; complete once `done` was called. */
  counts(): Promise<Map<string, LineCount>>;
}

/** Which counts come from where, decided once the sides are known. */
interface Plan {
  /** Paths upstream changed too: the two-tip diff does not count the fork's change alone. */
  fromGit: string[];
  /** Paths upstream left alone: the two-tip diff counts exactly the fork's change. Keyed and valued by the history's own string. */
  fromDiff: Map<string, string>;
}

/**
 * Where upstream left a path alone, the two-tip diff already counted the
 * fork's change to it, so its files are observed as they are classified.
 * Where upstream changed it too, the sides' zero-context base → fork diff
 * (their `ranges`) counts it: each hunk's old lines are the deleted ones,
 * its new lines the added ones. That is numstat's count but where git lines
 * up repeated lines (blank ones) otherwise without context: on the bench's
 * 100 MB pair, one line each way in 9 of 3,397 files. `git diff
 * --numstat` runs, in chunks, only for what neither counted (a rename, a
 * binary file, an ignored file). On the bench's 100 MB pair a whole-tree
 * numstat was 4 s of git's CPU, and the numstat of the paths both sides
 * changed 1.8 s.
 */
export function createForkLineCounter(source: GitSource, base: string, sides: Promise<BothSides>): ForkLineCounter {
  const observed = new Map<string, LineCount>();
  let done = (): void => undefined;
  const allObserved = new Promise<void>((resolve) => {
    done = resolve;
  });
  // Known before the first file is attributed (and so observed): the attribution awaits the same sides.
  let plan: Plan | null = null;
  const planned = sides.then(({ fork, upstream }) => {
    const single = [...fork.pathCommits.byPath.keys()].filter((path) => hasSoleCommit(fork.pathCommits, path)).sort();
    plan = {
      fromGit: single.filter((path) => upstream.changed.paths.has(path)),
      fromDiff: new Map(single.filter((path) => !upstream.changed.paths.has(path)).map((path) => [path, path])),
    };
    return plan;
  });
  planned.catch(() => undefined); // awaited by counts
  const numstat = async (paths: readonly string[], into: Map<string, LineCount>): Promise<void> => {
    for (const chunk of chunkGroups(paths.map((path) => [path]))) {
      for (const [path, stat] of await source.forecaster.numstat(base, source.fork.sha, chunk)) into.set(path, stat);
    }
  };
  return {
    observe: (file) => {
      // A rename's counts are not the numstat's (--no-renames counts a delete and an add).
      if (file.status === 'renamed' || file.status === 'copied') return;
      // Keyed by the history's own string: the parser's may be a view of the text it was read from.
      const path = plan?.fromDiff.get(file.path);
      if (path !== undefined) observed.set(path, { added: file.additions, deleted: file.deletions });
    },
    done: () => done(),
    counts: async () => {
      const { fromGit, fromDiff } = await planned;
      const { fork } = await sides;
      const counts = new Map<string, LineCount>();
      const uncounted: string[] = [];
      for (const path of fromGit) {
        const counted = countedByRanges(fork, path);
        if (counted) counts.set(path, counted);
        else uncounted.push(path);
      }
      await numstat(uncounted, counts);
      await allObserved;
      const unseen: string[] = [];
      for (const path of fromDiff.keys()) {
        const stat = observed.get(path);
        if (stat) counts.set(path, stat);
        else unseen.push(path);
      }
      await numstat(unseen, counts);
      return counts;
    },
  };
}

/**
 * A path's base → fork counts from the fork side's zero-context hunks of it,
 * or null where they would not be numstat's: no hunks read for it (a binary
 * patch names no paths), or hunks read against another name, a rename's
 * (numstat, with --no-renames, counts the whole file added there).
 */
export const countedByRanges = (fork: Pick<SideFacts, 'ranges' | 'renamedRanges'>, path: string): LineCount | null => {
  const hunks = fork.ranges.get(path);
  if (!hunks || fork.renamedRanges.has(path)) return null;
  let added = 0;
  let deleted = 0;
  for (const hunk of hunks) {
    added += hunk.newLines;
    deleted += hunk.oldLines;
  }
  return { added, deleted };
};

