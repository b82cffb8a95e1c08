import type { FileDiff } from '../model.js';
import { isRowOnly } from '../rowOnly.js';

/**
 * Reports keep hunk lines for display, but a huge fork must not hold its whole
 * diff in memory: past this many kept lines, hunks keep only their counts.
 * Analysers have already seen the full lines by then.
 */
export const KEPT_LINES_BUDGET = 50_000;

/**
 * Two budgets of `limit` lines: one for the hunks a report prints in full by
 * default (the fork's own, both sides', and those of unknown side, of files
 * that are not rows), one for the rest (upstream-only hunks, vendored files,
 * lockfiles). A 14,000-line package-lock.json and upstream's churn early in
 * the diff took uptime-kuma's fork's own hunks later in it (src/, test/) out
 * of its report. Past its budget, a pool's later hunks keep only their counts.
 */
export function createLineBudget(limit = KEPT_LINES_BUDGET): { keep(file: FileDiff): void; isExhausted(): boolean } {
  const remaining = { printed: limit, other: limit };
  let isTruncated = false;
  return {
    keep(file) {
      const isRow = isRowOnly(file);
      for (const hunk of file.hunks) {
        const pool = !isRow && hunk.side !== 'upstream' ? 'printed' : 'other';
        if (hunk.lines.length <= remaining[pool]) {
          remaining[pool] -= hunk.lines.length;
        } else {
          hunk.lines = [];
          hunk.isTruncated = true;
          remaining[pool] = 0;
          isTruncated = true;
        }
      }
    },
    isExhausted: () => isTruncated,
  };
}
