import { CATEGORY_IDS, type Report } from '../../model.js';
import { escapeHtml } from '../../text/html.js';
import { CATEGORY_INFO } from '../categoryInfo.js';
import type { Headline } from '../headline.js';
import { headlineLines } from '../headlineText.js';

/** The headline as a list; security fixes nested and marked, never by colour alone. */
export function headlineHtml(headline: Headline, isSinceAsked: boolean): string {
  const items = headlineLines(headline, isSinceAsked).map((line) => {
    const classes = [line.level === 1 ? 'sub' : '', line.isAlert ? 'alert' : ''].filter(Boolean).join(' ');
    const label = line.isAlert ? `⚠ ${line.label}` : line.label;
    return `<li${classes ? ` class="${classes}"` : ''}><strong>${escapeHtml(label)}:</strong> ${escapeHtml(line.text)}</li>`;
  });
  return `<ul class="headline" aria-label="Headline">${items.join('')}</ul>`;
}

const SIDE_FILTERS = [
  ['fork', 'fork carries'],
  ['upstream', 'fork lacks (upstream moved)'],
  ['both', 'both moved'],
  ['unknown', 'side unknown'],
] as const;

/**
 * Real checkboxes in labelled fieldsets, so the filters work from the
 * keyboard and with a screen reader. Hidden until the script runs: without
 * it, everything is simply shown.
 */
export function filtersHtml(report: Report): string {
  const count = (test: (finding: Report['findings'][number]) => boolean): number => report.findings.filter(test).length;
  const box = (name: string, value: string, label: string, total: number): string =>
    `<label><input type="checkbox" name="${name}" value="${escapeHtml(value)}" checked> ${escapeHtml(label)} (${total})</label>`;
  const categories = CATEGORY_IDS.map((id) => box('category', id, CATEGORY_INFO[id].title, count((finding) => finding.category === id)));
  const sides = SIDE_FILTERS.map(([side, label]) => box('side', side, label, count((finding) => (finding.side ?? 'unknown') === side)));
  return [
    `<form class="filters" hidden aria-label="Filters">`,
    `<fieldset><legend>Category</legend>${categories.join('')}</fieldset>`,
    `<fieldset><legend>Side</legend>${sides.join('')}</fieldset>`,
    '<p><button type="reset">Show everything</button> <output class="filter-count" aria-live="polite"></output></p>',
    '</form>',
  ].join('');
}
