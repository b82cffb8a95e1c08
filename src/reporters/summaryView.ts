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
    // One pass: a huge report's hunks may be read back from disk each time they are walked.
    const hunksBySide = { fork: 0, upstream: 0, both: 0 };
    for (const file of report.files) {
      for (const hunk of file.hunks) if (hunk.side) hunksBySide[hunk.side] += 1;
    }
    totalRow.push(count(hunksBySide.fork), count(hunksBySide.upstream), count(hunksBySide.both));
  }
  rows.push(totalRow);
  return { columns, rows };
}
