import { CATEGORY_IDS } from '../../model.js';
import type { Finding, Report } from '../../model.js';
import { escapeHtml } from '../../text/html.js';
import { CATEGORY_INFO } from '../categoryInfo.js';
import { findingWhere } from '../findingLocation.js';
import { splitLongTail } from '../longTail.js';
import type { TableView } from '../view.js';
import { filterAttributes, htmlTable, sideBadge } from './htmlTable.js';

/** The commits behind a finding: its own, else those its evidence names. */
function commitsOf(finding: Finding): string {
  const subjects = finding.details.commitSubjects;
  if (Array.isArray(subjects) && subjects.every((each) => typeof each === 'string') && subjects.length > 0) return subjects.join('; ');
  const named = finding.commits.length > 0 ? finding.commits : finding.details.commits;
  return Array.isArray(named) ? named.filter((each) => typeof each === 'string').join(' ') : '';
}

/**
 * Every finding, each row tagged with its category and side so the filters
 * can hide it; the path links to the file's hunks when they are on the page
 * (`anchors`: path → element id). A category's long tail (longTail.ts:
 * lockfile entries, busy files' upstream-added tests) follows the table,
 * collapsed, as in the markdown report.
 */
export function* findingsSection(report: Report, prefix: string, anchors: ReadonlyMap<string, string>): Generator<string> {
  yield `<h2 id="${prefix}-findings">Findings (${report.findings.length})</h2>`;
  if (report.findings.length === 0) {
    yield '<p class="muted">No findings.</p>';
    return;
  }
  const tails = CATEGORY_IDS.flatMap((category) => {
    const { tail } = splitLongTail(category, report.findings);
    return tail ? [{ category, ...tail }] : [];
  });
  const inTails = new Set(tails.flatMap(({ rows }) => [...rows]));
  yield* findingsTable(report.findings.filter((finding) => !inTails.has(finding)), anchors);
  for (const { category, rows, summary } of tails) {
    const findings = [...rows];
    yield `<details class="long-tail"${filterAttributes(findings.map((finding) => finding.side), [category])}><summary>${escapeHtml(`${CATEGORY_INFO[category].title}: ${summary}`)}</summary>`;
    yield* findingsTable(findings, anchors);
    yield '</details>';
  }
}

function* findingsTable(findings: readonly Finding[], anchors: ReadonlyMap<string, string>): Generator<string> {
  const view: TableView = {
    columns: [{ header: 'Category' }, { header: 'Finding', isFlexible: true, minWidth: 30 }, { header: 'Where' }, { header: 'Side' }, { header: 'Kind' }, { header: 'Confidence' }, { header: 'Commits', isFlexible: true }],
    rows: findings.map((finding) => [
      CATEGORY_INFO[finding.category].title, finding.message, findingWhere(finding), finding.side ?? 'unknown', finding.kind, finding.confidence, commitsOf(finding),
    ]),
  };
  yield* htmlTable(
    view,
    (row) => ` class="finding"${filterAttributes(findings[row]?.side ?? null, [findings[row]?.category ?? 'other'])}`,
    (row, column, text) => {
      const finding = findings[row];
      if (!finding) return text;
      if (column === 3) return sideBadge(finding.side);
      if (column !== 2) return text;
      const anchor = anchors.get(finding.path);
      return anchor ? `<a class="path" href="#${escapeHtml(anchor)}">${text}</a>` : `<span class="path">${text}</span>`;
    },
  );
}
