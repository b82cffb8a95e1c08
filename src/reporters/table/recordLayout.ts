import { displayWidth, wrapText } from '../../text/displayWidth.js';
import type { Column } from '../view.js';
import type { CellOf } from './columnWidths.js';
import type { TableStyle } from './renderTable.js';

const INDENT = '  ';
const SEPARATOR = '   ';

/**
 * A table too wide for the terminal, one record per row: the first cell as a
 * title, then `Header value` pairs packed onto indented lines. Every value is
 * shown whole, so a narrow terminal (60 columns) still reads every message.
 */
export function* renderRecords(columns: readonly Column[], rows: readonly (readonly string[])[], style: TableStyle, cellOf: CellOf): Generator<string> {
  const inner = Math.max(1, style.width - INDENT.length);
  for (const row of rows) {
    const lines: string[] = [];
    for (const line of wrapText(cellOf(row, 0), Math.max(1, style.width))) lines.push(style.header(line));
    let current = '';
    for (let index = 1; index < columns.length; index += 1) {
      const value = cellOf(row, index);
      if (value === '') continue;
      const pair = `${columns[index]?.header ?? ''} ${value}`;
      const joined = current === '' ? pair : `${current}${SEPARATOR}${pair}`;
      if (displayWidth(joined) <= inner) {
        current = joined;
        continue;
      }
      if (current !== '') lines.push(INDENT + current);
      const wrapped = wrapText(pair, inner);
      for (let line = 0; line < wrapped.length - 1; line += 1) lines.push(INDENT + (wrapped[line] ?? ''));
      current = wrapped.at(-1) ?? '';
    }
    if (current !== '') lines.push(INDENT + current);
    yield* lines;
  }
}
