import { Chalk } from 'chalk';
import type { Report } from '../model.js';
import { reportTitle } from './heading.js';
import type { ReporterOptions } from './options.js';
import { summaryView } from './summaryView.js';
import { renderTable } from './table/renderTable.js';
import { toSingleLine } from '../text/sanitize.js';

/**
 * `--quiet`: per report, its title and the summary table's totals line, so a
 * CI log shows the size of the drift and nothing else. When the reports gain
 * a headline, this is where `--quiet` switches to it.
 */
export function* quietReporter(reports: readonly Report[], options: ReporterOptions): Generator<string> {
  const chalk = new Chalk({ level: options.isColor ? 1 : 0 });
  for (const report of reports) {
    const summary = summaryView(report);
    const totals = summary.rows.slice(-1);
    const table = renderTable(summary.columns, totals, { width: options.width, header: chalk.bold, dim: chalk.dim });
    yield `${chalk.bold('forkdiff')}  ${chalk.bold(toSingleLine(reportTitle(report)))}\n${table}\n`;
  }
}
