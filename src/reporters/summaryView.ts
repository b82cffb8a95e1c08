import type { Report } from '../model.js';
import { CATEGORY_INFO } from './categoryInfo.js';
import { type TableView, count, minus, plus } from './view.js';

/**
 * Category × files, hunks, lines and findings; with sides known, hunks split
 * into what the fork carries, what it lacks, and what both moved. A hunk may
 * carry several categories, so rows can add up to more than the total.
 */
export function summaryView(report: Report): TableView {
  const hasSides = report.summary.some((row) => row.bySide !== null);
  const columns: TableView['columns'] = [
    { header: 'Category' },
    { header: 'Files', align: 'right' },
    { header: 'Hunks', align: 'right' },
    { header: '+Lines', align: 'right' },
    { header: '−Lines', align: 'right' },
    { header: 'Findings', align: 'right' },
  ];
  if (hasSides) {
    columns.push(
      { header: 'Fork hunks', align: 'right' },
      { header: 'Upstream hunks', align: 'right' },
      { header: 'Both', align: 'right' },
    );
  }
  const rows = report.summary
    .filter((row) => row.files > 0 || row.findings > 0)
    .map((row) => {
      const cells = [
        `${CATEGORY_INFO[row.category].title} (${row.category})`,
        count(row.files), count(row.hunks), plus(row.additions), minus(row.deletions), count(row.findings),
      ];
      if (row.bySide) cells.push(count(row.bySide.fork.hunks), count(row.bySide.upstream.hunks), count(row.bySide.both.hunks));
      return cells;
    });
  const { totals } = report;
  const totalRow = ['Total (distinct)', count(totals.files), count(totals.hunks), plus(totals.additions), minus(totals.deletions), count(report.findings.length)];
  if (hasSides) {
    // Counted when the report was built: a huge report's hunks wait on disk.
    const bySide = report.totalsBySide ?? hunkTotalsBySide(report);
    totalRow.push(count(bySide.fork.hunks), count(bySide.upstream.hunks), count(bySide.both.hunks));
  }
  rows.push(totalRow);
  return { columns, rows };
}

/** For a report built without per-side totals (an older JSON report): one pass over the hunks. */
function hunkTotalsBySide(report: Report): Record<'fork' | 'upstream' | 'both', { hunks: number }> {
  const bySide = { fork: { hunks: 0 }, upstream: { hunks: 0 }, both: { hunks: 0 } };
  for (const file of report.files) for (const hunk of file.hunks) if (hunk.side) bySide[hunk.side].hunks += 1;
  return bySide;
}
