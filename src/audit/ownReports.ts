import type { FileDiff } from '../model.js';
import { OWN_REPORT_LINES, isOwnReport } from '../ownReport.js';
import { plural } from '../text/plural.js';

/** The first lines of the fork's version of a file, when its first hunk starts at the top (always so for a file the fork added). */
const forkSideStart = (file: FileDiff): string[] => {
  const first = file.hunks[0];
  if (!first || first.newStart > 1) return [];
  return first.lines.filter((line) => line.type !== 'del').slice(0, OWN_REPORT_LINES).map((line) => line.content);
};

/** A report forkdiff wrote and someone committed to the fork: not the fork's drift (see ownReport.ts). */
export const isOwnReportFile = (file: FileDiff): boolean => !file.isBinary && file.status !== 'deleted' && isOwnReport(forkSideStart(file));

/** Said once per run, naming the files, so a user who wants one audited knows why it was not. */
export const ownReportsNotice = (paths: readonly string[]): string =>
  `left out ${plural(paths.length, 'report')} forkdiff wrote into the repository: ${paths.join(', ')}`;
