import { z } from 'zod';
import type { PickForecast, SyncPlan } from '../model.js';

/** What `--since` needs of an earlier report's sync plan: which picks conflicted, which merge paths did. */
export const previousSyncSchema = z
  .object({
    merge: z.object({ conflicts: z.array(z.object({ path: z.string() })) }),
    picks: z.array(z.object({ sha: z.string(), subject: z.string(), result: z.enum(['clean', 'conflict', 'empty']) })),
  })
  .nullable()
  .default(null);

export type PreviousSync = z.infer<typeof previousSyncSchema>;

/** How catching up changed since the previous report. */
export interface SyncChange {
  /** Missing commits that picked cleanly before (or were not missing) and now conflict. */
  newlyConflicting: PickForecast[];
  /** Missing commits that conflicted before and now pick cleanly or empty. */
  newlyClean: PickForecast[];
  /** Paths the merge now conflicts on that it did not, and those it no longer does. */
  mergeNewConflicts: string[];
  mergeResolved: string[];
}

/** Null when either report has no plan (diff-file mode, old git, or a report from before sync plans). */
export function compareSync(previous: PreviousSync, current: SyncPlan | null): SyncChange | null {
  if (previous === null || current === null) return null;
  const before = new Map(previous.picks.map((pick) => [pick.sha, pick.result]));
  const wasMerge = new Set(previous.merge.conflicts.map((conflict) => conflict.path));
  const nowMerge = new Set(current.merge.conflicts.map((conflict) => conflict.path));
  return {
    newlyConflicting: current.picks.filter((pick) => pick.result === 'conflict' && before.get(pick.sha) !== 'conflict'),
    newlyClean: current.picks.filter((pick) => pick.result !== 'conflict' && before.get(pick.sha) === 'conflict'),
    mergeNewConflicts: [...nowMerge].filter((path) => !wasMerge.has(path)).sort(),
    mergeResolved: [...wasMerge].filter((path) => !nowMerge.has(path)).sort(),
  };
}
