import { REPORT_MARKER } from '../../ownReport.js';
import type { Report } from '../../model.js';
import { escapeHtml } from '../../text/html.js';
import { commitsViews } from '../commitsView.js';
import { headline, sinceHeadline } from '../headline.js';
import { provenance, reportTitle } from '../heading.js';
import type { ReporterOptions } from '../options.js';
import { summaryView } from '../summaryView.js';
import { syncViews } from '../syncView.js';
import { CONTENT_SECURITY_POLICY, SCRIPT, STYLE } from './assets.js';
import { filesSection } from './filesSection.js';
import { findingsSection } from './findingsSection.js';
import { filtersHtml, headlineHtml } from './headSections.js';
import { htmlTable } from './htmlTable.js';
import { hunksSection } from './hunksSection.js';

/**
 * One self-contained HTML page: no network, no external asset, a strict
 * Content-Security-Policy, every piece of diff text escaped. Deterministic
 * (no timestamps, stable order), so an unchanged fork gives the same bytes.
 * It streams, one file's hunks at a time.
 */
export function* htmlReporter(reports: readonly Report[], options: ReporterOptions): Generator<string> {
  const title = reports.length === 1 && reports[0] ? `forkdiff: ${reportTitle(reports[0])}` : 'forkdiff';
  // The marker (an HTML comment) lets a later audit of the repository this page is committed to leave it out.
  yield `<!DOCTYPE html>\n${REPORT_MARKER}\n<html lang="en">\n<head>\n<meta charset="utf-8">\n`;
  yield `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">\n`;
  yield '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n';
  yield `<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n`;
  for (const [index, report] of reports.entries()) yield* reportHtml(report, `r${index}`, index, options);
  yield `<script>${SCRIPT}</script>\n</body>\n</html>\n`;
}

function* reportHtml(report: Report, prefix: string, index: number, options: ReporterOptions): Generator<string> {
  const comparison = options.since?.[index] ?? null;
  yield `<section class="report" aria-labelledby="${prefix}-title">\n`;
  yield `<h1 id="${prefix}-title">forkdiff: ${escapeHtml(reportTitle(report))}</h1>\n`;
  yield `<p class="provenance">${escapeHtml(provenance(report))}</p>\n`;
  yield `${headlineHtml(headline(report, comparison ? sinceHeadline(comparison) : null), options.since !== undefined)}\n`;
  for (const notice of report.notices) yield `<p class="notice">${escapeHtml(notice)}</p>\n`;
  if ((options.hunks ?? 'fork') === 'fork' && report.mergeBase === null) {
    yield '<p class="notice">Sides are unknown without a merge base (a saved diff has none), so every hunk is printed except those of vendored modules and lockfiles.</p>\n';
  }
  yield `<h2 id="${prefix}-summary">Summary by side</h2>\n`;
  yield* lines(htmlTable(summaryView(report)));
  yield `${filtersHtml(report)}\n`;
  const files = filesSection(report, prefix);
  yield* lines(findingsSection(report, prefix, files.anchors));
  yield* lines(files.lines);
  yield* lines(hunksSection(report, prefix, options.hunks ?? 'fork'));
  if (report.sync) {
    yield `<h2 id="${prefix}-sync">Sync plan</h2>\n`;
    for (const { title, view, tail } of syncViews(report.sync)) {
      yield `<h3>${escapeHtml(title)}</h3>\n`;
      if (view.rows.length > 0) yield* lines(htmlTable(view));
      if (tail) {
        yield `<details class="long-tail"><summary>${escapeHtml(tail.summary)}</summary>\n`;
        yield* lines(htmlTable(tail.view));
        yield '</details>\n';
      }
    }
  }
  if (report.commits) {
    yield `<h2 id="${prefix}-commits">Commits</h2>\n`;
    for (const { title, view } of commitsViews(report.commits, report.sync)) {
      yield `<h3>${escapeHtml(title)}</h3>\n`;
      if (view.rows.length > 0) yield* lines(htmlTable(view));
    }
  }
  yield '</section>\n';
}

function* lines(chunks: Iterable<string>): Generator<string> {
  for (const chunk of chunks) yield `${chunk}\n`;
}
