import type { TableView } from '../view.js';
import { escapeHtml } from '../../text/html.js';
import { escapeMarkdown } from '../../text/markdown.js';

/** A GitHub-flavoured markdown table, line by line; every cell escaped, so untrusted text cannot end a cell or a block. */
export function* markdownTable(view: TableView): Generator<string> {
  yield `| ${view.columns.map((column) => escapeMarkdown(column.header)).join(' | ')} |`;
  yield `| ${view.columns.map((column) => (column.align === 'right' ? '---:' : '---')).join(' | ')} |`;
  for (const row of view.rows) yield `| ${view.columns.map((_, index) => escapeMarkdown(row[index] ?? '')).join(' | ')} |`;
}

/** A table GitHub shows collapsed under its summary (a category's long tail, the ledger's spent carries). */
export function* collapsedMarkdownTable(summary: string, view: TableView): Generator<string> {
  yield* ['', '<details>', `<summary>${escapeHtml(summary)}</summary>`, ''];
  yield* markdownTable(view);
  yield* ['', '</details>'];
}
