import { CATEGORY_IDS } from '../../model.js';
import type { TrendPoint } from '../../trend/trendPoint.js';
import { type TableView, shortSha } from '../view.js';

const value = (count: number | null): string => (count === null ? '—' : String(count));

/** Per report: what the fork carries and what it lacks. */
export const trendTotalsView = (points: readonly TrendPoint[]): TableView => ({
  columns: [
    { header: 'Report', isFlexible: true, minWidth: 12 }, { header: 'Fork' },
    { header: 'Carried files', align: 'right' }, { header: 'Missing commits', align: 'right' },
    { header: 'Missing fixes', align: 'right' }, { header: 'Security fixes', align: 'right' }, { header: 'Findings', align: 'right' },
  ],
  rows: points.map((point) => [
    point.label, shortSha(point.forkSha),
    value(point.carriedFiles), value(point.missingCommits), value(point.missingFixes), value(point.securityFixes), String(point.totalFindings),
  ]),
});

/** Per report: findings by category (a table of its own, so both fit a terminal). */
export const trendFindingsView = (points: readonly TrendPoint[]): TableView => ({
  columns: [{ header: 'Report', isFlexible: true, minWidth: 12 }, ...CATEGORY_IDS.map((id) => ({ header: id, align: 'right' as const }))],
  rows: points.map((point) => [point.label, ...CATEGORY_IDS.map((id) => String(point.findings[id]))]),
});
