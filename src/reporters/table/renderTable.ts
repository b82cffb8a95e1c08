import { toSingleLine } from '../../text/sanitize.js';
import type { Column } from '../view.js';


export interface TableStyle {
  width: number;
  header: (text: string) => string;
  dim: (text: string) => string;
}

const GAP = '  ';
const MIN_FLEX_WIDTH = 10;

/** Characters as a terminal shows them: one cell per code point (wide glyphs are rare in paths). */
const displayWidth = (text: string): number => [...text].length;

function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** A plain, aligned table that fits `style.width`; every cell is sanitised here, once. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: TableStyle): string {
  const cells = rows.map((row) => columns.map((_, index) => toSingleLine(row[index] ?? '')));
  const widths = columns.map((column, index) =>
    Math.max(displayWidth(column.header), ...cells.map((row) => displayWidth(row[index] ?? ''))),
  );
  shrinkToFit(columns, widths, style.width - GAP.length * (columns.length - 1));
  const line = (row: readonly string[], paint: (text: string) => string): string =>
    columns
      .map((column, index) => {
        const width = widths[index] ?? 0;
        const text = fit(row[index] ?? '', width);
        const pad = ' '.repeat(Math.max(0, width - displayWidth(text)));
        return paint(column.align === 'right' ? pad + text : index === columns.length - 1 ? text : text + pad);
      })
      .join(GAP)
      .trimEnd();
  const header = line(columns.map((column) => column.header), style.header);
  const rule = style.dim(widths.map((width) => '─'.repeat(width)).join(GAP));
  return [header, rule, ...cells.map((row) => line(row, (text) => text))].join('\n');
}

/**
 * Levels the widest flexible columns down one character at a time, so wide
 * columns give way before narrow ones and none goes under its minimum.
 */
function shrinkToFit(columns: readonly Column[], widths: number[], available: number): void {
  let overflow = widths.reduce((sum, width) => sum + width, 0) - available;
  while (overflow > 0) {
    let widest = -1;
    columns.forEach((column, index) => {
      const width = widths[index] ?? 0;
      const isShrinkable = column.isFlexible === true && width > (column.minWidth ?? MIN_FLEX_WIDTH);
      if (isShrinkable && (widest === -1 || width > (widths[widest] ?? 0))) widest = index;
    });
    if (widest === -1) return;
    widths[widest] = (widths[widest] ?? 0) - 1;
    overflow -= 1;
  }
}
