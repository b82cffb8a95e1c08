import type { FileDiff, Hunk } from '../../model.js';
import { changedLineNumbers, hunkContext, sideView, wholeView } from '../common/lines.js';
import type { SideLine } from '../common/lines.js';
import { readWholeFiles } from '../common/wholeFiles.js';
import type { ClassifyContext } from '../define.js';
import type { TestConvention } from './conventions.js';

/** One side's run of lines (a hunk's view, or the whole file) as test conventions read it. */
export interface Segment {
  lines: string[];
  /** Line numbers of `lines` in that side's file. */
  numbers: number[];
  /** Indices of the lines only this side has. */
  changed: number[];
  /** The function context git printed for the hunk; '' for a whole file. */
  context: string;
}

const segmentOf = (view: readonly SideLine[], context: string): Segment => ({
  lines: view.map((line) => line.content),
  numbers: view.map((line) => line.line),
  changed: view.flatMap((line, index) => (line.isChanged ? [index] : [])),
  context,
});

/** A whole file as one segment in which every line counts: what the file declares at all. */
export const wholeSegment = (text: string): Segment => {
  const view = wholeView(text);
  return { ...segmentOf(view, ''), changed: view.map((_, index) => index) };
};

export type Sides = Record<'upstream' | 'fork', Segment[]>;

export const hunkSegments = (file: FileDiff): Sides => ({
  upstream: file.hunks.map((hunk) => segmentOf(sideView(hunk, 'upstream'), hunkContext(hunk))),
  fork: file.hunks.map((hunk) => segmentOf(sideView(hunk, 'fork'), hunkContext(hunk))),
});

/** Does a changed line need lines the hunk does not show: what the convention says, or a skip whose test is out of view? */
function isShort(segment: Segment, convention: TestConvention, isFork: boolean): boolean {
  return segment.changed.some((index) => {
    const line = segment.lines[index] ?? '';
    if (convention.needsWholeFile?.(segment.lines, index, segment.context)) return true;
    return isFork && convention.isSkip(line) && convention.skipTarget(segment.lines, index, segment.context) === null;
  });
}

/**
 * The hunks' views, or in git mode the whole files when a changed line
 * needs what the hunk does not show (the class around a method, the
 * decorator above a parametrize case, the test a skip applies to).
 * Changed lines stay the diff's.
 */
export async function segmentsFor(file: FileDiff, convention: TestConvention, context: ClassifyContext): Promise<Sides> {
  const sides = hunkSegments(file);
  if (context.mode !== 'git') return sides;
  const needsWhole = sides.upstream.some((segment) => isShort(segment, convention, false)) || sides.fork.some((segment) => isShort(segment, convention, true));
  if (!needsWhole) return sides;
  const whole = await readWholeFiles(file, context);
  if (!whole) return sides;
  const changed = changedLineNumbers(file.hunks);
  return {
    upstream: [segmentOf(wholeView(whole.upstream, changed.upstream), '')],
    fork: [segmentOf(wholeView(whole.fork, changed.fork), '')],
  };
}

/** The hunk that holds a line of one tip's file. */
export const hunkAt = (file: FileDiff, tip: 'upstream' | 'fork', line: number): Hunk | undefined =>
  file.hunks.find((hunk) => {
    const [start, count] = tip === 'upstream' ? [hunk.oldStart, hunk.oldLines] : [hunk.newStart, hunk.newLines];
    return line >= start && line < start + Math.max(count, 1);
  });
