import { displayWidth } from '../../text/displayWidth.js';
import type { Column } from '../view.js';

export const GAP = '  ';
const MIN_FLEX_WIDTH = 10;

/** A row's cell as shown; the renderer sanitises here, so no sanitised copy of a large table is kept. */
export type CellOf = (row: readonly string[], index: number) => string;
const asIs: CellOf = (row, index) => row[index] ?? '';

/** The widest cell of each column, header included; loops, since a table may have 200,000 rows. */
function naturalWidths(columns: readonly Column[], cells: readonly (readonly string[])[], cellOf: CellOf): number[] {
  const widths = columns.map((column) => displayWidth(column.header));
  for (const row of cells) {
    for (let index = 0; index < widths.length; index += 1) {
      const width = displayWidth(cellOf(row, index));
      if (width > (widths[index] ?? 0)) widths[index] = width;
    }
  }
  return widths;
}

/**
 * Column widths that fit `width` terminal cells: fixed columns keep their
 * widest cell; flexible ones are capped at one common width, found by binary
 * search, so wide columns give way before narrow ones and none goes under its
 * minimum (their cells then wrap, never cut). Null when even the minimums do
 * not fit: the caller lays the rows out vertically instead.
 */
export function columnWidths(columns: readonly Column[], cells: readonly (readonly string[])[], width: number, cellOf: CellOf = asIs): number[] | null {
  const natural = naturalWidths(columns, cells, cellOf);
  const available = width - GAP.length * (columns.length - 1);
  const total = (cap: number): number =>
    natural.reduce((sum, each, index) => sum + capped(columns[index], each, cap), 0);
  if (total(Infinity) <= available) return natural;
  if (total(0) > available) return null;
  let low = 0;
  let high = Math.max(0, ...natural); // one entry per column: a short array, safe to spread
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (total(middle) <= available) low = middle;
    else high = middle - 1;
  }
  const widths = natural.map((each, index) => capped(columns[index], each, low));
  // The common cap leaves a few cells over: give them to the columns that were capped, left to right.
  let spare = available - widths.reduce((sum, each) => sum + each, 0);
  for (let index = 0; index < widths.length && spare > 0; index += 1) {
    if ((widths[index] ?? 0) < (natural[index] ?? 0) && columns[index]?.isFlexible) {
      widths[index] = (widths[index] ?? 0) + 1;
      spare -= 1;
    }
  }
  return widths;
}

/** A flexible column's width under a cap: never above its widest cell, never below its minimum. */
function capped(column: Column | undefined, natural: number, cap: number): number {
  if (!column?.isFlexible) return natural;
  const minimum = Math.min(natural, column.minWidth ?? MIN_FLEX_WIDTH);
  return Math.max(minimum, Math.min(natural, cap));
}
