import { CATEGORY_IDS, type Report } from '../../model.js';
import { CATEGORY_INFO } from '../categoryInfo.js';
import { commitsViews } from '../commitsView.js';
import { filesView } from '../filesView.js';
import { findingsView } from '../findingsView.js';
import { provenance, reportTitle } from '../heading.js';
import type { ReporterOptions } from '../options.js';
import { summaryView } from '../summaryView.js';
import { escapeMarkdown } from '../../text/markdown.js';
import { hunksBlock } from './hunksBlock.js';
import { markdownTable } from './markdownTable.js';

/**
 * The report as GitHub-flavoured markdown, for a nightly commit: deterministic
 * (no timestamps, durations or absolute paths; stable order), so an unchanged
 * fork gives a byte-identical file.
 */
export function* markdownReporter(reports: readonly Report[], options: ReporterOptions): Generator<string> {
  for (const [index, report] of reports.entries()) {
    if (index > 0) yield '\n\n---\n\n';
    yield* reportMarkdown(report, index, options);
  }
  yield '\n';
}

function* reportMarkdown(report: Report, index: number, options: ReporterOptions): Generator<string> {
  const hasSides = report.mergeBase !== null;
  const parts: string[] = [
    `# forkdiff: ${escapeMarkdown(reportTitle(report))}`,
    '',
    escapeMarkdown(provenance(report)),
  ];
  if (report.notices.length > 0) parts.push('', ...report.notices.map((notice) => `> ${escapeMarkdown(notice)}  `));
  parts.push('', '## Summary', '', markdownTable(summaryView(report)));
  for (const category of CATEGORY_IDS) {
    const summary = report.summary.find((row) => row.category === category);
    if (!summary || (summary.files === 0 && summary.findings === 0)) continue;
    parts.push('', `## ${CATEGORY_INFO[category].title} (\`${category}\`)`);
    const findings = findingsView(category, report.findings, hasSides);
    if (findings.rows.length > 0) parts.push('', `### Findings (${findings.rows.length})`, '', markdownTable(findings));
    const files = filesView(category, report.files, hasSides);
    if (files.rows.length > 0) parts.push('', `### Files (${summary.files})`, '', markdownTable(files));
    const hunks = hunksBlock(category, report.files);
    if (hunks) parts.push('', `### Hunks (${summary.hunks})`, '', hunks);
    yield parts.splice(0).join('\n'); // one category at a time
    parts.push('');
  }
  if (report.commits) {
    parts.push('', '## Commits');
    for (const { title, view } of commitsViews(report.commits)) parts.push('', `### ${escapeMarkdown(title)}`, '', markdownTable(view));
  }
  const appendix = options.appendix?.(index, 'markdown');
  if (appendix) parts.push('', appendix);
  yield parts.join('\n');
}
