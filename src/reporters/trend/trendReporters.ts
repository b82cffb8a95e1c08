import { Chalk } from 'chalk';
import type { TrendPoint } from '../../trend/trendPoint.js';
import { escapeMarkdown } from '../../text/markdown.js';
import { defuseJsonCommands } from '../../text/sanitize.js';
import { markdownTable } from '../markdown/markdownTable.js';
import { renderTable } from '../table/renderTable.js';
import { mermaidLineChart } from './mermaidChart.js';
import { trendFindingsView, trendTotalsView } from './trendView.js';

export const TREND_FORMATS = ['table', 'markdown', 'json'] as const;
export type TrendFormat = (typeof TREND_FORMATS)[number];

export interface TrendOptions {
  isColor: boolean;
  width: number;
}

/** The drift over time as text chunks; one signature for every format, like the report's reporters. */
export type TrendReporter = (points: readonly TrendPoint[], options: TrendOptions) => Iterable<string>;

/** What is charted: the totals a maintainer watches grow or shrink. */
const CHARTS = [
  { title: 'Files the fork carries', axis: 'files', pick: (point: TrendPoint) => point.carriedFiles },
  { title: 'Upstream commits missing from the fork', axis: 'commits', pick: (point: TrendPoint) => point.missingCommits },
  { title: 'Missing upstream fixes', axis: 'commits', pick: (point: TrendPoint) => point.missingFixes },
  { title: 'Findings', axis: 'findings', pick: (point: TrendPoint) => point.totalFindings },
] as const;

function* trendMarkdown(points: readonly TrendPoint[]): Generator<string> {
  const lines = [
    `# forkdiff trend (${points.length} reports)`, '', ...markdownTable(trendTotalsView(points)),
    '', '## Findings by category', '', ...markdownTable(trendFindingsView(points)),
  ];
  for (const chart of CHARTS) {
    const values = points.map(chart.pick);
    lines.push('', `## ${escapeMarkdown(chart.title)}`, '');
    // A saved diff's report has no history: a chart with holes would mislead, so say why it is missing.
    if (values.some((each) => each === null)) lines.push('_Not charted: some reports were made without history (a saved diff)._');
    else lines.push(...mermaidLineChart(chart.title, chart.axis, points.map((point) => point.label), values as number[]));
  }
  yield `${lines.join('\n')}\n`;
}

function* trendTable(points: readonly TrendPoint[], options: TrendOptions): Generator<string> {
  const chalk = new Chalk({ level: options.isColor ? 1 : 0 });
  const style = { width: options.width, header: chalk.bold, dim: chalk.dim };
  const totals = trendTotalsView(points);
  const findings = trendFindingsView(points);
  yield `${renderTable(totals.columns, totals.rows, style)}\n\n${chalk.bold('Findings by category')}\n${renderTable(findings.columns, findings.rows, style)}\n`;
}

function* trendJson(points: readonly TrendPoint[]): Generator<string> {
  yield `${defuseJsonCommands(JSON.stringify({ schemaVersion: 1, trend: points }, null, 2))}\n`;
}

export const trendReporters = {
  table: trendTable,
  markdown: trendMarkdown,
  json: trendJson,
} as const satisfies Record<TrendFormat, TrendReporter>;
