import type { BothSides } from '../attribution/lineFacts.js';
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
 * fork's change to it, so its files are observed as they are classified;
 * `git diff --numstat` runs only for the other paths, in chunks: those
 * upstream changed too at once, beside the classification, and those the
 * diff did not count (a rename, an ignored file) after its last file. On the
 * bench's 100 MB pair a whole-tree numstat was 4 s of git's CPU.
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
      const counts = new Map<string, LineCount>();
      await numstat(fromGit, counts);
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
