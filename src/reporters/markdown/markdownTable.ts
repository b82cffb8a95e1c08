import type { TableView } from '../view.js';
import { escapeMarkdown } from '../../text/markdown.js';

/** A GitHub-flavoured markdown table; every cell escaped, so untrusted text cannot end a cell or a block. */
export function markdownTable(view: TableView): string {
  const header = `| ${view.columns.map((column) => escapeMarkdown(column.header)).join(' | ')} |`;
  const rule = `| ${view.columns.map((column) => (column.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  const rows = view.rows.map((row) => `| ${view.columns.map((_, index) => escapeMarkdown(row[index] ?? '')).join(' | ')} |`);
  return [header, rule, ...rows].join('\n');
}
