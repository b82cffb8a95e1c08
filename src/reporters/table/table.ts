import { Chalk } from 'chalk';
import { CATEGORY_IDS, type Report } from '../../model.js';
import { CATEGORY_INFO } from '../categoryInfo.js';
import { filesView } from '../filesView.js';
import { findingsView } from '../findingsView.js';
import { provenance, reportTitle } from '../heading.js';
import type { ReporterOptions } from '../options.js';
import { toSingleLine } from '../../text/sanitize.js';
import { summaryView } from '../summaryView.js';
import { mergeSummary, syncViews } from '../syncView.js';
import type { TableView } from '../view.js';
import { commitsTables } from './commitsTables.js';
import { renderTable, type TableStyle } from './renderTable.js';
import { plural } from '../../text/plural.js';

/** Terminal tables: a summary, then per category its findings and its files. */
export function* tableReporter(reports: readonly Report[], options: ReporterOptions): Generator<string> {
  const chalk = new Chalk({ level: options.isColor ? 1 : 0 });
  const style: TableStyle = { width: options.width, header: chalk.bold, dim: chalk.dim };
  const render = (view: TableView): string => renderTable(view.columns, view.rows, style);
  const blocks = reports.map((report, index) => {
    const hasSides = report.mergeBase !== null;
    const parts: string[] = [
      `${chalk.bold('forkdiff')}  ${chalk.bold(toSingleLine(reportTitle(report)))}`,
      chalk.dim(provenance(report)),
      ...report.notices.map((notice) => chalk.yellow(`! ${toSingleLine(notice)}`)),
      '',
      render(summaryView(report)),
    ];
    for (const category of CATEGORY_IDS) {
        const summary = report.summary.find((row) => row.category === category);
      if (!summary || (summary.files === 0 && summary.findings === 0)) continue;
      const info = CATEGORY_INFO[category];
      parts.push('', chalk[info.colour].bold(`${info.title} (${category})`) + chalk.dim(`  ${plural(summary.files, 'file')}, ${plural(summary.findings, 'finding')}`));
      const findings = findingsView(category, report.findings, hasSides);
      if (findings.rows.length > 0) parts.push(render(findings));
      const files = filesView(category, report.files, hasSides);
      if (files.rows.length > 0 && category !== 'reverted-fixes' && category !== 'removed-tests') parts.push('', render(files));
    }
    if (report.sync) {
      parts.push('', chalk.bold('Sync plan'), mergeSummary(report.sync));
      for (const { title, view } of syncViews(report.sync)) parts.push('', chalk.bold(title), ...(view.rows.length > 0 ? [render(view)] : []));
    }
    if (report.commits) parts.push(...commitsTables(report.commits, render, chalk));
    const appendix = options.appendix?.(index, 'table');
    if (appendix) parts.push('', appendix);
    return parts.join('\n');
  });
  yield `${blocks.join('\n\n')}\n`;
}
