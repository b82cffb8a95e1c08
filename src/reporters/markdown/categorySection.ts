import type { CategoryId, CategorySummary, Report } from '../../model.js';
import { shownCategories } from '../hunkPlan.js';
import { CATEGORY_INFO } from '../categoryInfo.js';
import { SHARED_NOTE, digestView } from '../digestView.js';
import { filesView } from '../filesView.js';
import { findingsView } from '../findingsView.js';
import { splitLongTail } from '../longTail.js';
import type { HunksMode } from '../options.js';
import { createUpstreamDigest } from '../upstreamDigest.js';
import { type HunksTally, hunksBlock, leftOutSentence } from './hunksBlock.js';
import { collapsedMarkdownTable, markdownTable } from './markdownTable.js';

/**
 * One category: its findings (all of them, always; a long tail collapsed
 * under the rest), its files (vendored modules as one row each), the hunks
 * `--hunks` prints, and the upstream-only hunks summarised by the commits
 * that explain them.
 */
export function* categorySection(category: CategoryId, summary: CategorySummary, report: Report, mode: HunksMode): Generator<string> {
  const hasSides = report.mergeBase !== null;
  yield* ['', `## ${CATEGORY_INFO[category].title} (\`${category}\`)`];
  const { shown, tail } = splitLongTail(category, report.findings);
  const count = shown.length + (tail?.rows.size ?? 0);
  if (count > 0) {
    yield* ['', `### Findings (${count})`, ''];
    if (shown.length > 0) yield* markdownTable(findingsView(category, shown, hasSides));
  }
  if (tail) yield* collapsedMarkdownTable(tail.summary, findingsView(category, [...tail.rows], hasSides));
  const files = filesView(category, report.files, hasSides);
  if (files.rows.length > 0) {
    yield* ['', `### Files (${summary.files})`, ''];
    yield* markdownTable(files);
  }
  const digest = createUpstreamDigest(report.commits);
  const tally: HunksTally = { shown: 0, summarised: 0, hidden: 0, elsewhere: 0 };
  const title = hasSides && mode === 'fork' ? '### Hunks the fork carries (fork and both sides)' : '### Hunks';
  let hasHeading = false;
  for (const line of hunksBlock(category, shownCategories(report), report.files, mode, digest, tally)) {
    // hunksBlock yields nothing unless a hunk is shown: the heading goes before its first line.
    if (!hasHeading) yield* ['', title, ''];
    hasHeading = true;
    yield line;
  }
  const leftOut = leftOutSentence(tally, mode);
  if (leftOut) yield* ['', leftOut];
  const rows = digest.rows();
  if (rows.length > 0) {
    yield* ['', `### Upstream changes the fork lacks, by commit (${rows.length})`, ''];
    yield* markdownTable(digestView(rows));
    if (rows.some((row) => row.sharedHunks > 0)) yield* ['', `_${SHARED_NOTE}_`];
  }
}

