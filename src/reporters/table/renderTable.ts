import { displayWidth, wrapText } from '../../text/displayWidth.js';
import { toSingleLine } from '../../text/sanitize.js';
import type { Column } from '../view.js';
import { GAP, columnWidths } from './columnWidths.js';
import { renderRecords } from './recordLayout.js';

export interface TableStyle {
  width: number;
  header: (text: string) => string;
  dim: (text: string) => string;
}

/**
 * A plain, aligned table that fits `style.width` terminal cells. Every cell
 * is sanitised here, once. A cell wider than its column wraps onto more
 * lines; nothing is ever cut, in a terminal or in a pipe. When the columns
 * cannot fit even at their minimums, rows are laid out as records instead.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: TableStyle): string {
  const cells = rows.map((row) => columns.map((_, index) => toSingleLine(row[index] ?? '')));
  const widths = columnWidths(columns, cells, style.width);
  if (widths === null) return renderRecords(columns, cells, style);
  const lines: string[] = [];
  const addRow = (row: readonly string[], paint: (text: string) => string): void => {
    const wrapped = columns.map((_, index) => wrapText(row[index] ?? '', widths[index] ?? 1));
    let height = 1;
    for (const cell of wrapped) height = Math.max(height, cell.length);
    for (let line = 0; line < height; line += 1) {
      const parts = columns.map((column, index) => {
        const text = wrapped[index]?.[line] ?? '';
        const pad = ' '.repeat(Math.max(0, (widths[index] ?? 0) - displayWidth(text)));
        // The last column is not padded: trailing spaces inside colour codes would survive trimEnd.
        return paint(column.align === 'right' ? pad + text : index === columns.length - 1 ? text : text + pad);
      });
      lines.push(parts.join(GAP).trimEnd());
    }
  };
  addRow(columns.map((column) => column.header), style.header);
  lines.push(style.dim(widths.map((width) => '─'.repeat(width)).join(GAP)));
  for (const row of cells) addRow(row, (text) => text);
  return lines.join('\n');
}
