import type { History } from '../git/history.js';
import type { HunkRange } from './patchReader.js';
import { readGitPatch } from './patchReader.js';

/**
 * Per path at one side's tip, the zero-context hunks of the merge base → tip
 * diff: a streamed `git diff -U0` per side per run (one per chunk of paths,
 * each chunk holding whole rename groups), of which only the hunk ranges are
 * kept. Needed only for files both sides changed: in a file one side alone
 * changed, every changed line is that side's.
 */
export const loadChangedRanges = async (
  history: History, base: string, tip: string, chunks: readonly string[][],
): Promise<{ ranges: Map<string, HunkRange[]>; renamed: Set<string> }> => {
  const ranges = new Map<string, HunkRange[]>();
  const renamed = new Set<string>();
  for (const paths of chunks) {
    await readGitPatch(history.changedLines(base, tip, paths), {
      file: ({ oldPath, newPath, hunks }) => {
        if (newPath === null) return;
        ranges.set(newPath, hunks);
        if (oldPath !== null && oldPath !== newPath) renamed.add(newPath);
      },
    });
  }
  return { ranges, renamed };
};

/** Where one side's tip lines came from, given that side's base → tip hunks of the file. */
export interface TipLines {
  /** Did the side write this tip line since the merge base? */
  isWritten(line: number): boolean;
  /** The base line a tip line the side did not write was, or null for a written one. */
  baseLine(line: number): number | null;
  /** Does the side's tip still have base line `line` (it neither removed nor replaced it)? */
  keeps(baseLine: number): boolean;
}

/** Every line as at the base: the side did not touch the file. */
export const UNCHANGED: TipLines = { isWritten: () => false, baseLine: (line) => line, keeps: () => true };

/** A side that wrote every changed line of the file at its tip, or has no such file: it kept no base line the diff shows. */
export const NONE_KEPT: TipLines = { isWritten: () => true, baseLine: () => null, keeps: () => false };

/** `@@ -a,b +c,d @@` ranges, sorted as git prints them, read as a line map (binary search per line). */
export const tipLines = (hunks: readonly HunkRange[]): TipLines => {
  // Hunks wholly before `line` in tip coordinates: a pure deletion after tip line c counts from c + 1.
  const before = (line: number): number => {
    let low = 0;
    let high = hunks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const hunk = hunks[middle] as HunkRange;
      const end = hunk.newLines === 0 ? hunk.newStart + 1 : hunk.newStart + hunk.newLines;
      if (end <= line) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const shifts: number[] = [0];
  for (const hunk of hunks) shifts.push((shifts.at(-1) ?? 0) + hunk.oldLines - hunk.newLines);
  const isWritten = (line: number): boolean => {
    const hunk = hunks[before(line)];
    return hunk !== undefined && hunk.newLines > 0 && hunk.newStart <= line && line < hunk.newStart + hunk.newLines;
  };
  // Hunks whose base range starts at or before `line` (a pure insertion's oldStart is the line before it).
  const startedBy = (line: number): number => {
    let low = 0;
    let high = hunks.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((hunks[middle] as HunkRange).oldStart <= line) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  return {
    isWritten,
    baseLine: (line) => (isWritten(line) ? null : line + (shifts[before(line)] ?? 0)),
    keeps: (line) => {
      const hunk = hunks[startedBy(line) - 1];
      return hunk === undefined || hunk.oldLines === 0 || line >= hunk.oldStart + hunk.oldLines;
    },
  };
};
