import { describe, expect, it } from 'vitest';
import { hunkParts } from '../../src/reporters/hunkBlocks.js';
import { aHunk, diffLines } from './builders.js';

describe('hunkParts', () => {
  it('splits lines by the counts of each block, context staying with the block before it', () => {
    const hunk = aHunk({
      side: 'both', oldStart: 10, oldLines: 4, newStart: 10, newLines: 5,
      lines: diffLines(' a', '-b', ' c', '+d', '+e', ' f'),
      blocks: [
        { side: 'upstream', oldStart: 10, oldLines: 3, newStart: 10, newLines: 2 },
        { side: 'fork', oldStart: 12, oldLines: 1, newStart: 12, newLines: 3 },
      ],
    });
    expect(hunkParts(hunk).map((part) => [part.side, part.header, part.lines.map((line) => line.content).join('')])).toEqual([
      ['upstream', '@@ -10,3 +10,2 @@', 'abc'],
      ['fork', '@@ -12,1 +12,3 @@', 'def'],
    ]);
  });

  it('gives a truncated hunk\'s remaining lines to the last block, and a one-sided hunk one part', () => {
    const truncated = aHunk({
      side: 'both', lines: diffLines('+a', '-b', '-c'),
      blocks: [{ side: 'fork', oldStart: 0, oldLines: 0, newStart: 1, newLines: 1 }, { side: 'upstream', oldStart: 1, oldLines: 1, newStart: 1, newLines: 0 }],
    });
    expect(hunkParts(truncated).map((part) => part.lines.length)).toEqual([1, 2]);
    const plain = aHunk({ header: '@@ -1 +1 @@ func', side: 'fork' });
    expect(hunkParts(plain)).toEqual([{ side: 'fork', header: '@@ -1 +1 @@ func', lines: plain.lines }]);
  });
});
