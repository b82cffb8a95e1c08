import type { CategoryId, FileDiff } from '../../model.js';
import { codeBlock, escapeMarkdown } from '../../text/markdown.js';

const PREFIX = { add: '+', del: '-', normal: ' ' } as const;

/** The hunks of one category, collapsed: a `<details>` block per file, a fenced diff per hunk. */
export function hunksBlock(category: CategoryId, files: readonly FileDiff[]): string | null {
  const blocks: string[] = [];
  for (const file of files) {
    const hunks = file.hunks.filter((hunk) => hunk.categories.includes(category));
    if (hunks.length === 0) continue;
    const body = hunks.map((hunk) => {
      const side = hunk.side ? ` (${hunk.side})` : '';
      const lines = [hunk.header + side, ...hunk.lines.map((line) => PREFIX[line.type] + line.content)];
      if (hunk.isTruncated) lines.push(`… ${hunk.additions + hunk.deletions} changed lines in all; the rest is not shown`);
      return codeBlock('diff', lines);
    });
    const summary = `${escapeMarkdown(file.path)} (+${sumOf(hunks, 'additions')} −${sumOf(hunks, 'deletions')})`;
    blocks.push(['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>'].join('\n'));
  }
  return blocks.length > 0 ? blocks.join('\n\n') : null;
}

const sumOf = (hunks: readonly FileDiff['hunks'][number][], key: 'additions' | 'deletions'): number =>
  hunks.reduce((total, hunk) => total + hunk[key], 0);
