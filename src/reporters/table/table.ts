import { Chalk } from 'chalk';
import { CATEGORY_IDS, type Report } from '../../model.js';
import { CATEGORY_INFO } from '../categoryInfo.js';
import { filesView } from '../filesView.js';
import { findingsView } from '../findingsView.js';
import { headline, sinceHeadline } from '../headline.js';
import { provenance, reportTitle } from '../heading.js';
import type { ReporterOptions } from '../options.js';
import { displayWidth, wrapText } from '../../text/displayWidth.js';
import { toSingleLine } from '../../text/sanitize.js';
import { summaryView } from '../summaryView.js';
import { syncViews } from '../syncView.js';
import type { TableView } from '../view.js';
import { commitsTables } from './commitsTables.js';
import { headlineTerminal } from './headlineTerminal.js';
import { renderTable, type TableStyle } from './renderTable.js';
import { plural } from '../../text/plural.js';

/** Terminal tables: the headline, a summary, then per category its findings and files, the sync plan and commits. */
export function* tableReporter(reports: readonly Report[], options: ReporterOptions): Generator<string> {
  const chalk = new Chalk({ level: options.isColor ? 1 : 0 });
  const style: TableStyle = { width: options.width, header: chalk.bold, dim: chalk.dim };
  const render = (view: TableView): string => renderTable(view.columns, view.rows, style);
  // Prose wraps within the width too: a 60-column terminal gets no line longer than 60.
  const prose = (text: string, paint: (line: string) => string = (line) => line): string[] =>
    wrapText(toSingleLine(text), options.width).map((line) => paint(line));
  const blocks = reports.map((report, index) => {
    const hasSides = report.mergeBase !== null;
    const comparison = options.since?.[index] ?? null;
    const parts: string[] = [
      ...prose(`forkdiff  ${reportTitle(report)}`, chalk.bold),
      ...prose(provenance(report), chalk.dim),
      '',
      ...headlineTerminal(headline(report, comparison ? sinceHeadline(comparison) : null), options.since !== undefined, options.width, chalk),
      ...report.notices.flatMap((notice) => prose(`! ${notice}`, chalk.yellow)),
      '',
      render(summaryView(report)),
    ];
    for (const category of CATEGORY_IDS) {
      const summary = report.summary.find((row) => row.category === category);
      if (!summary || (summary.files === 0 && summary.findings === 0)) continue;
      const info = CATEGORY_INFO[category];
      const title = `${info.title} (${category})`;
      const counts = `${plural(summary.files, 'file')}, ${plural(summary.findings, 'finding')}`;
      const isOneLine = displayWidth(`${title}  ${counts}`) <= options.width;
      parts.push('', chalk[info.colour].bold(title) + (isOneLine ? chalk.dim(`  ${counts}`) : `\n${chalk.dim(counts)}`));
      const findings = findingsView(category, report.findings, hasSides);
      if (findings.rows.length > 0) parts.push(render(findings));
      const files = filesView(category, report.files, hasSides);
      if (files.rows.length > 0 && category !== 'reverted-fixes' && category !== 'removed-tests') parts.push('', render(files));
    }
    const heading = (text: string): string => prose(text, chalk.bold).join('\n');
    if (report.sync) parts.push(...syncTables(report.sync, render, heading));
    if (report.commits) parts.push(...commitsTables(report.commits, render, heading));
    const appendix = options.appendix?.(index, 'table');
    if (appendix) parts.push('', appendix);
    return parts.join('\n');
  });
  yield `${blocks.join('\n\n')}\n`;
}

function syncTables(sync: NonNullable<Report['sync']>, render: (view: TableView) => string, heading: (text: string) => string): string[] {
  const lines = ['', heading('Sync plan')];
  for (const { title, view } of syncViews(sync)) {
    lines.push('', heading(title));
    if (view.rows.length > 0) lines.push(render(view));
  }
  return lines;
}
