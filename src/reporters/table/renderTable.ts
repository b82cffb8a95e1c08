import { displayWidth, wrapText } from '../../text/displayWidth.js';
import { toSingleLine } from '../../text/sanitize.js';
import type { Column } from '../view.js';
import { GAP, columnWidths } from './columnWidths.js';
import type { CellOf } from './columnWidths.js';
import { renderRecords } from './recordLayout.js';

export interface TableStyle {
  width: number;
  header: (text: string) => string;
  dim: (text: string) => string;
}

/**
 * A plain, aligned table that fits `style.width` terminal cells, line by
 * line. Every cell is sanitised here, as it is measured and again as it is
 * drawn, so a table of 200,000 rows is never held twice (its rows come from
 * the report). A cell wider than its column wraps onto more lines; nothing
 * is ever cut, in a terminal or in a pipe. When the columns cannot fit even
 * at their minimums, rows are laid out as records instead.
 */
export function* renderTableLines(columns: readonly Column[], rows: readonly (readonly string[])[], style: TableStyle): Generator<string> {
  const cellOf: CellOf = (row, index) => toSingleLine(row[index] ?? '');
  const widths = columnWidths(columns, rows, style.width, cellOf);
  if (widths === null) {
    yield* renderRecords(columns, rows, style, cellOf);
    return;
  }
  function* rowLines(row: readonly string[], paint: (text: string) => string): Generator<string> {
    const wrapped = columns.map((_, index) => wrapText(row[index] ?? '', widths?.[index] ?? 1));
    let height = 1;
    for (const cell of wrapped) height = Math.max(height, cell.length);
    for (let line = 0; line < height; line += 1) {
      const parts = columns.map((column, index) => {
        const text = wrapped[index]?.[line] ?? '';
        const pad = ' '.repeat(Math.max(0, (widths?.[index] ?? 0) - displayWidth(text)));
        // The last column is not padded: trailing spaces inside colour codes would survive trimEnd.
        return paint(column.align === 'right' ? pad + text : index === columns.length - 1 ? text : text + pad);
      });
      yield parts.join(GAP).trimEnd();
    }
  }
  yield* rowLines(columns.map((column) => column.header), style.header);
  yield style.dim(widths.map((width) => '─'.repeat(width)).join(GAP));
  for (const row of rows) yield* rowLines(columns.map((_, index) => cellOf(row, index)), (text) => text);
}

/** `renderTableLines` as one string, for small tables. */
export const renderTable = (columns: readonly Column[], rows: readonly (readonly string[])[], style: TableStyle): string =>
  [...renderTableLines(columns, rows, style)].join('\n');
