import { CATEGORY_IDS, type Report } from '../../model.js';
import { commitsViews } from '../commitsView.js';
import { headline, sinceHeadline } from '../headline.js';
import { provenance, reportTitle } from '../heading.js';
import type { ReporterOptions } from '../options.js';
import { summaryView } from '../summaryView.js';
import { syncViews } from '../syncView.js';
import { escapeMarkdown } from '../../text/markdown.js';
import { categorySection } from './categorySection.js';
import { headlineBlock } from './headlineBlock.js';
import { collapsedMarkdownTable, markdownTable } from './markdownTable.js';

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

/** Said once, above the summary, when `--hunks fork` cannot tell the fork's hunks from upstream's. */
export const UNKNOWN_SIDES_NOTICE =
  'Sides are unknown without a merge base (a saved diff has none), so every hunk is printed except those of vendored modules and lockfiles (`--hunks none` leaves hunks out; with a merge base, git mode prints only the fork\'s).';

function* reportMarkdown(report: Report, index: number, options: ReporterOptions): Generator<string> {
  const mode = options.hunks ?? 'fork';
  const comparison = options.since?.[index] ?? null;
  yield `# forkdiff: ${escapeMarkdown(reportTitle(report))}`;
  yield '';
  yield escapeMarkdown(provenance(report));
  yield '';
  yield* headlineBlock(headline(report, comparison ? sinceHeadline(comparison) : null), options.since !== undefined);
  const notices = [...report.notices.map(escapeMarkdown), ...(mode === 'fork' && report.mergeBase === null ? [UNKNOWN_SIDES_NOTICE] : [])];
  if (notices.length > 0) {
    yield '';
    for (const notice of notices) yield `> ${notice}  `;
  }
  yield* ['', '## Summary', ''];
  yield* markdownTable(summaryView(report));
  for (const category of CATEGORY_IDS) {
    const summary = report.summary.find((row) => row.category === category);
    if (!summary || (summary.files === 0 && summary.findings === 0)) continue;
    yield* categorySection(category, summary, report, mode);
  }
  if (report.sync) {
    yield* ['', '## Sync plan'];
    for (const { title, view, tail } of syncViews(report.sync)) {
      yield* ['', `### ${escapeMarkdown(title)}`];
      if (view.rows.length > 0) yield* ['', ...markdownTable(view)];
      if (tail) yield* collapsedMarkdownTable(tail.summary, tail.view);
    }
  }
  if (report.commits) {
    yield* ['', '## Commits'];
    for (const { title, view } of commitsViews(report.commits, report.sync)) {
      yield* ['', `### ${escapeMarkdown(title)}`];
      if (view.rows.length > 0) yield* ['', ...markdownTable(view)];
    }
  }
  const appendix = options.appendix?.(index, 'markdown');
  if (appendix) yield* ['', appendix];
}
