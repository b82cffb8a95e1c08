import { toSingleLine } from '../../text/sanitize.js';
import type { Column } from '../view.js';


export interface TableStyle {
  width: number;
  header: (text: string) => string;
  dim: (text: string) => string;
}

const GAP = '  ';
const MIN_FLEX_WIDTH = 12;

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
  let overflow = widths.reduce((sum, width) => sum + width, 0) + GAP.length * (columns.length - 1) - style.width;
  while (overflow > 0) {
    const flexible = columns
      .map((column, index) => ({ index, width: widths[index] ?? 0, isFlexible: column.isFlexible ?? false }))
      .filter((entry) => entry.isFlexible && entry.width > MIN_FLEX_WIDTH)
      .sort((a, b) => b.width - a.width)[0];
    if (!flexible) break;
    const cut = Math.min(overflow, flexible.width - MIN_FLEX_WIDTH);
    widths[flexible.index] = flexible.width - cut;
    overflow -= cut;
  }
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
