import type { CategoryId, FileDiff } from '../../model.js';
import { codeBlock, escapeMarkdown } from '../../text/markdown.js';

const PREFIX = { add: '+', del: '-', normal: ' ' } as const;

/**
 * The hunks of one category, collapsed: a `<details>` block per file, a
 * fenced diff per hunk, blocks separated by an empty line; as lines, one file
 * at a time. A file outside the category is skipped before its hunks are
 * touched: on a huge fork they are read back from disk on every access.
 */
export function* hunksBlock(category: CategoryId, files: readonly FileDiff[]): Generator<string> {
  let isFirst = true;
  for (const file of files) {
    if (!file.categories.includes(category)) continue;
    const hunks = file.hunks.filter((hunk) => hunk.categories.includes(category));
    if (hunks.length === 0) continue;
    if (!isFirst) yield '';
    isFirst = false;
    yield '<details>';
    yield `<summary>${escapeMarkdown(file.path)} (+${sumOf(hunks, 'additions')} −${sumOf(hunks, 'deletions')})</summary>`;
    yield '';
    for (const hunk of hunks) {
      const side = hunk.side ? ` (${hunk.side})` : '';
      const lines = [hunk.header + side, ...hunk.lines.map((line) => PREFIX[line.type] + line.content)];
      if (hunk.isTruncated) lines.push(`… ${hunk.additions + hunk.deletions} changed lines in all; the rest is not shown`);
      yield codeBlock('diff', lines);
    }
    yield '';
    yield '</details>';
  }
}

const sumOf = (hunks: readonly FileDiff['hunks'][number][], key: 'additions' | 'deletions'): number =>
  hunks.reduce((total, hunk) => total + hunk[key], 0);
