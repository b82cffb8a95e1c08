import { CATEGORY_IDS, type CategoryId, type FileDiff, type Hunk, type Report } from '../model.js';
import { isRowOnly } from '../rowOnly.js';
import type { HunksMode } from './options.js';

export interface FileHunks {
  /** Printed in full. */
  shown: Hunk[];
  /** Upstream-only hunks, summarised by the commits that explain them. */
  summarised: Hunk[];
  /** Neither: vendored or lockfile hunks, or every hunk with `--hunks none`. */
  hidden: number;
  /** Printed or summarised under an earlier category of the report. */
  elsewhere: number;
}

/** Categories the report shows a section for, in order: a hunk is printed under the first of its own. */
export const shownCategories = (report: Pick<Report, 'summary'>): CategoryId[] =>
  CATEGORY_IDS.filter((id) => report.summary.some((row) => row.category === id && (row.files > 0 || row.findings > 0)));

/** The category under which a hunk is printed: a hunk in several categories appears once, in the first. */
export const homeCategory = (hunk: Hunk, shown: readonly CategoryId[]): CategoryId | undefined =>
  shown.find((id) => hunk.categories.includes(id));

/**
 * Which of a file's hunks a report prints. With `fork` (the default) the
 * fork's own and both-side hunks are printed; upstream-only ones are
 * summarised by commit; vendored modules and lockfiles stay rows. A hunk in
 * several categories is printed once, under the first. A hunk
 * whose side is unknown (a saved diff) is printed: nothing says the fork
 * did not write it.
 */
export function planHunks(file: FileDiff, hunks: readonly Hunk[], mode: HunksMode, isElsewhere: (hunk: Hunk) => boolean): FileHunks {
  const plan: FileHunks = { shown: [], summarised: [], hidden: 0, elsewhere: 0 };
  const isRow = isRowOnly(file);
  for (const hunk of hunks) {
    if (isElsewhere(hunk)) plan.elsewhere += 1;
    else if (mode === 'all') plan.shown.push(hunk);
    else if (hunk.side === 'upstream') plan.summarised.push(hunk);
    else if (mode === 'none' || isRow) plan.hidden += 1;
    else plan.shown.push(hunk);
  }
  return plan;
}
