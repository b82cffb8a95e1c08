import { describe, expect, it } from 'vitest';
import { changeBlocks, rangeSpan, touches } from '../../src/attribution/spans.js';
import type { DiffLine, Hunk } from '../../src/model.js';

const hunk = (oldStart: number, oldLines: number, newStart: number, newLines: number, text: string): Hunk => {
  const lines: DiffLine[] = text.split('\n').map((raw) => ({
    type: raw.startsWith('+') ? 'add' : raw.startsWith('-') ? 'del' : 'normal',
    content: raw.slice(1),
  }));
  return {
    header: `@@ -${oldStart},${oldLines} +${newStart},${newLines} @@`,
    oldStart,
    oldLines,
    newStart,
    newLines,
    additions: 0,
    deletions: 0,
    categories: [],
    side: null,
    blocks: [],
    fingerprint: '',
    commits: [],
    lines,
    isTruncated: false,
  };
};

describe('spans', () => {
  it('places zero-length ranges between lines, as diff headers do', () => {
    expect(rangeSpan(5, 2)).toEqual({ from: 4, to: 6 });
    expect(rangeSpan(5, 0)).toEqual({ from: 5, to: 5 });
  });

  it('counts overlapping lines and edge points as touching, adjacent lines as not', () => {
    expect(touches(rangeSpan(5, 2), rangeSpan(6, 1))).toBe(true);
    expect(touches(rangeSpan(5, 1), rangeSpan(6, 1))).toBe(false);
    expect(touches(rangeSpan(5, 0), rangeSpan(5, 1))).toBe(true);
    expect(touches(rangeSpan(5, 0), rangeSpan(6, 1))).toBe(true);
    expect(touches(rangeSpan(5, 0), rangeSpan(7, 1))).toBe(false);
  });

  it('splits a hunk into its changed runs, leaving context out', () => {
    const blocks = changeBlocks(hunk(10, 7, 10, 6, ' a\n-b\n+B\n c\n d\n-e\n-f\n+F\n g'));
    expect(blocks).toEqual([
      { upstream: rangeSpan(11, 1), fork: rangeSpan(11, 1), upstreamLines: [11], forkLines: [11] },
      { upstream: rangeSpan(14, 2), fork: rangeSpan(14, 1), upstreamLines: [14, 15], forkLines: [14] },
    ]);
  });

  it('turns pure insertions and deletions into points on the other side', () => {
    expect(changeBlocks(hunk(3, 2, 3, 3, ' a\n+b\n c'))[0]).toMatchObject({ upstream: { from: 3, to: 3 }, fork: rangeSpan(4, 1) });
    expect(changeBlocks(hunk(0, 0, 1, 2, '+a\n+b'))[0]).toMatchObject({ upstream: { from: 0, to: 0 }, fork: rangeSpan(1, 2) });
    expect(changeBlocks(hunk(1, 2, 0, 0, '-a\n-b'))[0]).toMatchObject({ upstream: rangeSpan(1, 2), fork: { from: 0, to: 0 } });
  });
});
