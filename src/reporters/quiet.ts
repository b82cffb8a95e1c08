import { Chalk } from 'chalk';
import type { Report } from '../model.js';
import { reportTitle } from './heading.js';
import { headline, sinceHeadline } from './headline.js';
import type { ReporterOptions } from './options.js';
import { headlineTerminal } from './table/headlineTerminal.js';
import { toSingleLine } from '../text/sanitize.js';

/**
 * `--quiet`: per report, its title and the headline the full report leads
 * with (what the fork carries, what it lacks, the sync forecast), so a CI log
 * shows the decision and nothing else.
 */
export function* quietReporter(reports: readonly Report[], options: ReporterOptions): Generator<string> {
  const chalk = new Chalk({ level: options.isColor ? 1 : 0 });
  for (const [index, report] of reports.entries()) {
    const comparison = options.since?.[index] ?? null;
    const lines = headlineTerminal(headline(report, comparison ? sinceHeadline(comparison) : null), options.since !== undefined, options.width, chalk);
    yield `${chalk.bold(`forkdiff  ${toSingleLine(reportTitle(report))}`)}\n${lines.join('\n')}\n`;
  }
}
