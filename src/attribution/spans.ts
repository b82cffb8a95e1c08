import type { Hunk } from '../model.js';

/**
 * A stretch of a file in "gap" coordinates: line k covers [k-1, k], and a
 * zero-length change (a pure insertion or deletion point) after line k is the
 * point [k, k]. This makes "does change A touch change B" one comparison.
 */
export interface Span {
  from: number;
  to: number;
}

/** The span of `count` lines starting at `start`; for count 0, diff's convention: the point after line `start`. */
export const rangeSpan = (start: number, count: number): Span =>
  count === 0 ? { from: start, to: start } : { from: start - 1, to: start - 1 + count };

/** Lines that overlap, or a point at or inside the other span (a deletion at a change's edge touches it). */
export const touches = (a: Span, b: Span): boolean => {
  const isPoint = a.from === a.to || b.from === b.to;
  return isPoint ? a.from <= b.to && b.from <= a.to : a.from < b.to && b.from < a.to;
};

export const touchesAny = (span: Span, others: readonly Span[]): boolean => others.some((other) => touches(span, other));

/** One run of changed lines in a hunk, in both coordinate systems. */
export interface ChangeBlock {
  /** Upstream coordinates (the diff's old side). */
  upstream: Span;
  /** Fork coordinates (the diff's new side). */
  fork: Span;
  /** Upstream line numbers of `-` lines, fork line numbers of `+` lines. */
  upstreamLines: number[];
  forkLines: number[];
}

/**
 * The changed runs of a hunk, without its context lines: context is equal on
 * both sides, and counting it would make a hunk "touch" changes next door.
 * A truncated hunk is taken whole, since its tail is unknown.
 */
export const changeBlocks = (hunk: Hunk): ChangeBlock[] => {
  if (hunk.isTruncated) {
    return [{ upstream: rangeSpan(hunk.oldStart, hunk.oldLines), fork: rangeSpan(hunk.newStart, hunk.newLines), upstreamLines: [], forkLines: [] }];
  }
  // With zero lines on a side, the header names the line *before* the change.
  let upstreamLine = hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart;
  let forkLine = hunk.newLines === 0 ? hunk.newStart + 1 : hunk.newStart;
  const blocks: ChangeBlock[] = [];
  let open: { upstreamFrom: number; forkFrom: number; upstreamLines: number[]; forkLines: number[] } | null = null;
  const close = (): void => {
    if (!open) return;
    blocks.push({
      upstream: rangeSpan(open.upstreamFrom === upstreamLine ? upstreamLine - 1 : open.upstreamFrom, upstreamLine - open.upstreamFrom),
      fork: rangeSpan(open.forkFrom === forkLine ? forkLine - 1 : open.forkFrom, forkLine - open.forkFrom),
      upstreamLines: open.upstreamLines,
      forkLines: open.forkLines,
    });
    open = null;
  };
  for (const line of hunk.lines) {
    if (line.type === 'normal') {
      close();
      upstreamLine += 1;
      forkLine += 1;
      continue;
    }
    open ??= { upstreamFrom: upstreamLine, forkFrom: forkLine, upstreamLines: [], forkLines: [] };
    if (line.type === 'del') open.upstreamLines.push(upstreamLine++);
    else open.forkLines.push(forkLine++);
  }
  close();
  return blocks;
};
