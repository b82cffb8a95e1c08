import type { CategoryId, CategorySummary, Finding, Report } from '../../model.js';
import { escapeHtml } from '../../text/html.js';
import { shownCategories } from '../hunkPlan.js';
import { CATEGORY_INFO } from '../categoryInfo.js';
import { SHARED_NOTE, digestView } from '../digestView.js';
import { filesView } from '../filesView.js';
import { MIN_COLLAPSED_TEST_ROWS, findingsView, lockfileRows, upstreamTestRows } from '../findingsView.js';
import type { HunksMode } from '../options.js';
import { createUpstreamDigest } from '../upstreamDigest.js';
import { type HunksTally, hunksBlock, leftOutSentence } from './hunksBlock.js';
import { markdownTable } from './markdownTable.js';

/** Rows a category's table leaves to a block collapsed under it, and what the block's summary says. */
interface Collapsed {
  rows: ReadonlySet<Finding>;
  summary: string;
}

const listed = (names: readonly string[]): string => (names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', '));

/** A category's long tail: lockfile rows under the manifests' (vendored-deps), busy files' upstream-added tests (removed-tests). */
function collapsedOf(category: CategoryId, inCategory: readonly Finding[]): Collapsed | null {
  if (category === 'vendored-deps') {
    const { rows, transitive } = lockfileRows(inCategory);
    const lockfiles = [...new Set([...rows].map((finding) => finding.path))].sort();
    return rows.size === 0 ? null : { rows, summary: `${rows.size} lockfile entries (${listed(lockfiles)}); ${transitive} for dependencies not in the table above` };
  }
  if (category === 'removed-tests') {
    const { rows, perFile } = upstreamTestRows(inCategory);
    if (rows.length === 0) return null;
    const busiest = [...perFile].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([path, count]) => `${path} (${count})`);
    return { rows: new Set(rows), summary: `${rows.length} tests upstream added that the fork lacks, in ${perFile.size} ${perFile.size === 1 ? 'file' : 'files'} with ${MIN_COLLAPSED_TEST_ROWS} or more each: ${listed(busiest)}` };
  }
  return null;
}

/**
 * One category: its findings (all of them, always; a long tail collapsed
 * under the rest), its files (vendored modules as one row each), the hunks
 * `--hunks` prints, and the upstream-only hunks summarised by the commits
 * that explain them.
 */
export function* categorySection(category: CategoryId, summary: CategorySummary, report: Report, mode: HunksMode): Generator<string> {
  const hasSides = report.mergeBase !== null;
  yield* ['', `## ${CATEGORY_INFO[category].title} (\`${category}\`)`];
  const inCategory = report.findings.filter((finding) => finding.category === category);
  const collapsed = collapsedOf(category, inCategory);
  if (inCategory.length > 0) {
    yield* ['', `### Findings (${inCategory.length})`, ''];
    const shown = collapsed ? inCategory.filter((finding) => !collapsed.rows.has(finding)) : inCategory;
    if (shown.length > 0) yield* markdownTable(findingsView(category, shown, hasSides));
  }
  if (collapsed) {
    yield* ['', '<details>', `<summary>${escapeHtml(collapsed.summary)}</summary>`, ''];
    yield* markdownTable(findingsView(category, [...collapsed.rows], hasSides));
    yield* ['', '</details>'];
  }
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

