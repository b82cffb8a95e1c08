import type { FileDiff } from '../model.js';

/**
 * Reports keep hunk lines for display, but a huge fork must not hold its whole
 * diff in memory: past this many kept lines, hunks keep only their counts.
 * Analysers have already seen the full lines by then.
 */
export const KEPT_LINES_BUDGET = 50_000;

export function createLineBudget(limit = KEPT_LINES_BUDGET): { keep(file: FileDiff): void; isExhausted(): boolean } {
  let remaining = limit;
  return {
    keep(file) {
      for (const hunk of file.hunks) {
        if (hunk.lines.length <= remaining) {
          remaining -= hunk.lines.length;
        } else {
          hunk.lines = [];
          hunk.isTruncated = true;
          remaining = 0;
        }
      }
    },
    isExhausted: () => remaining === 0,
  };
}
