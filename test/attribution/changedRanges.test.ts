import { describe, expect, it } from 'vitest';
import { UNCHANGED, tipLines } from '../../src/attribution/changedRanges.js';

const hunk = (oldStart: number, oldLines: number, newStart: number, newLines: number) => ({ oldStart, oldLines, newStart, newLines });

describe('tipLines', () => {
  // Base 1..10. The side replaced base 3-4 with tip 3-5, deleted base 7, inserted tip 9 after base 8.
  const lines = tipLines([hunk(3, 2, 3, 3), hunk(7, 1, 7, 0), hunk(8, 0, 9, 1)]);

  it('knows which tip lines the side wrote', () => {
    expect([...Array(12).keys()].map((index) => lines.isWritten(index + 1))).toEqual([
      false, false, true, true, true, false, false, false, true, false, false, false,
    ]);
  });

  it('maps every other tip line to the base line it still is', () => {
    expect([1, 2, 6, 7, 8, 10, 11].map((line) => lines.baseLine(line))).toEqual([1, 2, 5, 6, 8, 9, 10]);
    expect(lines.baseLine(4)).toBeNull();
  });

  it('knows which base lines the side kept: all but those it removed or replaced', () => {
    expect([...Array(10).keys()].map((index) => lines.keeps(index + 1))).toEqual([
      true, true, false, false, true, true, false, true, true, true,
    ]);
  });

  it('reads an untouched file as the base', () => {
    expect(UNCHANGED.isWritten(3)).toBe(false);
    expect(UNCHANGED.baseLine(3)).toBe(3);
    expect(UNCHANGED.keeps(3)).toBe(true);
  });
});
