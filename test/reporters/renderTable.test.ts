import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/reporters/table/renderTable.js';
import type { Column } from '../../src/reporters/view.js';
import { displayWidth } from '../../src/text/displayWidth.js';

const plain = (width: number) => ({ width, header: (text: string) => text, dim: (text: string) => text });
const columns: Column[] = [
  { header: 'Finding', isFlexible: true, minWidth: 20 },
  { header: 'Path', isFlexible: true },
  { header: 'Kind' },
];
const message = 'fork lacks upstream error handling around the session close: `if err != nil { return err }`';

describe('renderTable', () => {
  it('wraps a long message within the width and never cuts it', () => {
    const table = renderTable(columns, [[message, 'session/session.go', 'error-handling']], plain(60));
    const lines = table.split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
    expect(table).not.toContain('…');
    const findingColumn = lines.slice(2).map((line) => line.slice(0, 24).trim()).join(' ');
    expect(findingColumn.replace(/\s+/g, ' ')).toContain(message.replace(/\s+/g, ' ').slice(0, 60));
    for (const word of message.split(' ')) expect(table).toContain(word);
  });

  it('aligns columns by display width: CJK and emoji take two cells', () => {
    const table = renderTable(
      [{ header: 'Path' }, { header: 'Kind' }],
      [['文档/说明.md', 'docs'], ['🚀launch.sh', 'build'], ['plain.txt', 'source']],
      plain(80),
    );
    const lines = table.split('\n');
    const kindColumns = lines.slice(2).map((line) => displayWidth(line.slice(0, line.lastIndexOf(' ') + 1)));
    expect(new Set(kindColumns).size).toBe(1);
    expect(lines[2]).toBe('文档/说明.md  docs');
  });

  it('lays rows out as records when the columns cannot fit, still whole', () => {
    const many: Column[] = ['Category', 'Files', 'Hunks', '+Lines', '−Lines', 'Findings', 'Fork hunks', 'Upstream hunks', 'Both']
      .map((header, index) => ({ header, isFlexible: index === 0, align: index === 0 ? 'left' : 'right' }));
    const row = ['Reverted or missing fixes (reverted-fixes)', '2', '3', '+0', '−8', '3', '1', '2', '0'];
    const table = renderTable(many, [row], plain(40));
    for (const line of table.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(40);
    expect(table).toContain('Upstream hunks 2');
    expect(table.replace(/\n/g, ' ')).toContain('Reverted or missing fixes (reverted-fixes)');
  });

  it('renders 200,000 rows (no spread of the rows into Math.max)', () => {
    const rows = Array.from({ length: 200_000 }, (_, index) => [`message ${index}`, `path/${index}.go`, 'kind']);
    const table = renderTable(columns, rows, plain(120));
    expect(table.split('\n')).toHaveLength(200_002);
  });

  it('breaks a single word wider than its column between graphemes', () => {
    const word = 'x'.repeat(300);
    const table = renderTable([{ header: 'Finding', isFlexible: true }], [[word]], plain(50));
    expect(table.split('\n').slice(2).join('')).toBe(word);
  });
});

describe('codeBlock', () => {
  it('fences a line of 200,000 backtick runs (no spread into Math.max)', async () => {
    const { codeBlock } = await import('../../src/text/markdown.js');
    const line = '`a'.repeat(200_000) + '````';
    expect(codeBlock('diff', [line]).startsWith('`````diff\n')).toBe(true);
  });
});
