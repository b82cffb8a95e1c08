import { escapeHtml } from '../../text/html.js';
import type { TableView } from '../view.js';

/** Attributes for one row (filters read `data-side` and `data-categories`); values must be safe already. */
export type RowAttributes = (index: number) => string;

/** A flexible column asking for this many terminal columns or more is kept wide on the page too (the findings' messages). */
const WIDE_COLUMN = 30;

/**
 * A TableView as an HTML table, row by row (a huge fork's table is never one
 * string); every header and cell escaped here. `cellHtml` may replace a
 * cell's escaped text with markup built from escaped parts.
 */
export function* htmlTable(
  view: TableView, rowAttributes: RowAttributes = () => '', cellHtml: (row: number, column: number, escaped: string) => string = (_, __, text) => text,
): Generator<string> {
  const numeric = (index: number): string => (view.columns[index]?.align === 'right' ? ' class="num"' : '');
  // A flexible column's cells may break anywhere: one long token (a template string in a snippet) would widen the table past the page.
  const cellClass = (index: number): string => {
    const column = view.columns[index];
    if (column?.align === 'right') return ' class="num"';
    if (column?.isFlexible !== true) return '';
    return (column.minWidth ?? 0) >= WIDE_COLUMN ? ' class="wrap wide"' : ' class="wrap"';
  };
  yield `<table><thead><tr>${view.columns.map((column, index) => `<th scope="col"${numeric(index)}>${escapeHtml(column.header)}</th>`).join('')}</tr></thead><tbody>`;
  for (const [rowIndex, row] of view.rows.entries()) {
    const cells = view.columns.map((_, index) => `<td${cellClass(index)}>${cellHtml(rowIndex, index, escapeHtml(row[index] ?? ''))}</td>`);
    yield `<tr${rowAttributes(rowIndex)}>${cells.join('')}</tr>`;
  }
  yield '</tbody></table>';
}

/** `<span class="badge fork">fork</span>`: a side in words and colour (never colour alone). */
export const sideBadge = (side: string | null): string => {
  const name = side ?? 'unknown';
  return `<span class="badge ${escapeHtml(name)}">${escapeHtml(name)}</span>`;
};

/** `data-side` and `data-categories` for the filters (a row of several files may have several sides). */
export const filterAttributes = (sides: string | null | readonly (string | null)[], categories: readonly string[]): string => {
  const list = (Array.isArray(sides) ? sides : [sides]).map((side) => side ?? 'unknown');
  return ` data-side="${escapeHtml([...new Set(list)].join(' '))}" data-categories="${escapeHtml(categories.join(' '))}"`;
};
