import { Chalk } from 'chalk';
import { CATEGORY_IDS, type Report } from '../../model.js';
import { CATEGORY_INFO } from '../categoryInfo.js';
import { filesView } from '../filesView.js';
import { findingsView } from '../findingsView.js';
import { splitLongTail } from '../longTail.js';
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
import { renderTableLines, type TableStyle } from './renderTable.js';
import { plural } from '../../text/plural.js';

/** A piece of a report's text: a string, or the lines of a table (drawn as it is written). */
type Part = string | Iterable<string>;

/** `parts.join('\n')`, streamed: a table's lines are never joined into one string. */
function* joinParts(parts: Iterable<Part>): Generator<string> {
  let isFirst = true;
  for (const part of parts) {
    if (!isFirst) yield '\n';
    isFirst = false;
    if (typeof part === 'string') {
      yield part;
      continue;
    }
    let isFirstLine = true;
    for (const line of part) {
      yield isFirstLine ? line : `\n${line}`;
      isFirstLine = false;
    }
  }
}

/** Terminal tables: the headline, a summary, then per category its findings and files, the sync plan and commits. */
export function* tableReporter(reports: readonly Report[], options: ReporterOptions): Generator<string> {
  const chalk = new Chalk({ level: options.isColor ? 1 : 0 });
  const style: TableStyle = { width: options.width, header: chalk.bold, dim: chalk.dim };
  // Lazy: a table is drawn when its turn to be written comes, and not kept.
  const render = (view: TableView): Iterable<string> => ({ [Symbol.iterator]: () => renderTableLines(view.columns, view.rows, style) });
  // Prose wraps within the width too: a 60-column terminal gets no line longer than 60.
  const prose = (text: string, paint: (line: string) => string = (line) => line): string[] =>
    wrapText(toSingleLine(text), options.width).map((line) => paint(line));
  function* parts(report: Report, index: number): Generator<Part> {
    const hasSides = report.mergeBase !== null;
    const comparison = options.since?.[index] ?? null;
    yield* prose(`forkdiff  ${reportTitle(report)}`, chalk.bold);
    yield* prose(provenance(report), chalk.dim);
    yield '';
    yield* headlineTerminal(headline(report, comparison ? sinceHeadline(comparison) : null), options.since !== undefined, options.width, chalk);
    yield* report.notices.flatMap((notice) => prose(`! ${notice}`, chalk.yellow));
    yield '';
    yield render(summaryView(report));
    for (const category of CATEGORY_IDS) {
      const summary = report.summary.find((row) => row.category === category);
      if (!summary || (summary.files === 0 && summary.findings === 0)) continue;
      const info = CATEGORY_INFO[category];
      const title = `${info.title} (${category})`;
      const counts = `${plural(summary.files, 'file')}, ${plural(summary.findings, 'finding')}`;
      const isOneLine = displayWidth(`${title}  ${counts}`) <= options.width;
      yield '';
      yield chalk[info.colour].bold(title) + (isOneLine ? chalk.dim(`  ${counts}`) : `\n${chalk.dim(counts)}`);
      // A long tail (longTail.ts) follows the rows a maintainer acts on, under its summary.
      const { shown, tail } = splitLongTail(category, report.findings);
      const findings = findingsView(category, shown, hasSides);
      if (findings.rows.length > 0) yield render(findings);
      if (tail) {
        yield '';
        yield* prose(`${tail.summary}:`, chalk.dim);
        yield render(findingsView(category, [...tail.rows], hasSides));
      }
      if (category === 'reverted-fixes' || category === 'removed-tests') continue;
      const files = filesView(category, report.files, hasSides);
      if (files.rows.length > 0) {
        yield '';
        yield render(files);
      }
    }
    const heading = (text: string): string => prose(text, chalk.bold).join('\n');
    if (report.sync) yield* syncTables(report.sync, render, heading);
    if (report.commits) yield* commitsTables(report.commits, report.sync, render, heading);
    const appendix = options.appendix?.(index, 'table');
    if (appendix) {
      yield '';
      yield appendix;
    }
  }
  for (const [index, report] of reports.entries()) {
    if (index > 0) yield '\n\n';
    yield* joinParts(parts(report, index));
  }
  yield '\n';
}

function syncTables(sync: NonNullable<Report['sync']>, render: (view: TableView) => Iterable<string>, heading: (text: string) => string): Part[] {
  const lines: Part[] = ['', heading('Sync plan')];
  for (const { title, view, tail } of syncViews(sync)) {
    lines.push('', heading(title));
    if (view.rows.length > 0) lines.push(render(view));
    // A terminal has no collapsed block: the tail follows under its summary.
    if (tail) lines.push('', heading(tail.summary), render(tail.view));
  }
  return lines;
}
