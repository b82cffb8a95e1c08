import { CATEGORY_IDS, type Report } from '../../model.js';
import { CATEGORY_INFO } from '../categoryInfo.js';
import { commitsViews } from '../commitsView.js';
import { filesView } from '../filesView.js';
import { findingsView } from '../findingsView.js';
import { provenance, reportTitle } from '../heading.js';
import type { ReporterOptions } from '../options.js';
import { summaryView } from '../summaryView.js';
import { mergeSummary, syncViews } from '../syncView.js';
import { escapeMarkdown } from '../../text/markdown.js';
import { hunksBlock } from './hunksBlock.js';
import { markdownTable } from './markdownTable.js';

/**
 * The report as GitHub-flavoured markdown, for a nightly commit: deterministic
 * (no timestamps, durations or absolute paths; stable order), so an unchanged
 * fork gives a byte-identical file. It streams: a huge fork's hunks section
 * is never one string in memory.
 */
export function* markdownReporter(reports: readonly Report[], options: ReporterOptions): Generator<string> {
  for (const [index, report] of reports.entries()) {
    if (index > 0) yield '\n\n---\n\n';
    yield* joinLines(reportMarkdown(report, index, options));
  }
  yield '\n';
}

/** Lines with a newline between each two, as `join('\n')` would give them. */
function* joinLines(lines: Iterable<string>): Generator<string> {
  let isFirst = true;
  for (const line of lines) {
    if (!isFirst) yield '\n';
    isFirst = false;
    yield line;
  }
}

function* reportMarkdown(report: Report, index: number, options: ReporterOptions): Generator<string> {
  const hasSides = report.mergeBase !== null;
  yield `# forkdiff: ${escapeMarkdown(reportTitle(report))}`;
  yield '';
  yield escapeMarkdown(provenance(report));
  if (report.notices.length > 0) {
    yield '';
    for (const notice of report.notices) yield `> ${escapeMarkdown(notice)}  `;
  }
  yield* ['', '## Summary', ''];
  yield* markdownTable(summaryView(report));
  for (const category of CATEGORY_IDS) {
    const summary = report.summary.find((row) => row.category === category);
    if (!summary || (summary.files === 0 && summary.findings === 0)) continue;
    yield* ['', `## ${CATEGORY_INFO[category].title} (\`${category}\`)`];
    const findings = findingsView(category, report.findings, hasSides);
    if (findings.rows.length > 0) {
      yield* ['', `### Findings (${findings.rows.length})`, ''];
      yield* markdownTable(findings);
    }
    const files = filesView(category, report.files, hasSides);
    if (files.rows.length > 0) {
      yield* ['', `### Files (${summary.files})`, ''];
      yield* markdownTable(files);
    }
    let hasHunks = false;
    for (const line of hunksBlock(category, report.files)) {
      if (!hasHunks) yield* ['', `### Hunks (${summary.hunks})`, ''];
      hasHunks = true;
      yield line;
    }
  }
  if (report.sync) {
    yield* ['', '## Sync plan', '', mergeSummary(report.sync)];
    for (const { title, view } of syncViews(report.sync)) {
      yield* ['', `### ${escapeMarkdown(title)}`];
      if (view.rows.length > 0) yield* ['', ...markdownTable(view)];
    }
  }
  if (report.commits) {
    yield* ['', '## Commits'];
    for (const { title, view } of commitsViews(report.commits)) {
      yield* ['', `### ${escapeMarkdown(title)}`, ''];
      yield* markdownTable(view);
    }
  }
  const appendix = options.appendix?.(index, 'markdown');
  if (appendix) yield* ['', appendix];
}
