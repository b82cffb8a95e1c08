import type { HunkRange } from './patchReader.js';

/** The owner of lines that were already there at the merge base. */
export const BASE_OWNER = -1;

/**
 * Lines `[from, to)` (1-based) of one version of a file, last changed by
 * commit number `owner`, or by nobody since the merge base (`BASE_OWNER`,
 * then `base` is the base line number of `from`). A file is a sorted list of
 * these: memory follows what changed, not the file's size.
 */
export interface OwnedSegment {
  from: number;
  to: number;
  owner: number;
  /** Base line number of `from` for a `BASE_OWNER` segment; 0 otherwise. */
  base: number;
}

/** Base lines `[from, to)` that commit number `owner` deleted. */
export interface RemovedRange {
  from: number;
  to: number;
  owner: number;
}

/** A file as it was at the merge base: every line the base's, however long the file. */
export const baseSegments = (): OwnedSegment[] => [{ from: 1, to: Number.POSITIVE_INFINITY, owner: BASE_OWNER, base: 1 }];

/**
 * Carries a file's segments across one commit's zero-context hunks, the way
 * `git blame` walks history forwards: lines the commit deleted drop out
 * (base lines among them are reported to `onRemoved`), lines after each hunk
 * shift, and the lines it added become `owner`'s. One pass over segments
 * and hunks together, both sorted, into one new list.
 *
 * The segments are the caller's to give up: a segment kept whole is moved
 * in place, not copied, and nothing but the new list is made per call (a
 * translation catalogue of thousands of segments, touched hundreds of times,
 * once made several lists and a new object per segment per touch, and their
 * garbage was most of a side's line log).
 */
export const applyHunks = (
  segments: readonly OwnedSegment[],
  hunks: readonly HunkRange[],
  owner: number,
  onRemoved?: (range: RemovedRange) => void,
): OwnedSegment[] => {
  const result: OwnedSegment[] = [];
  // Every segment pushed is this call's own (moved or new), so a continuation may grow in place.
  const push = (segment: OwnedSegment): void => {
    const last = result[result.length - 1];
    if (last && isContinuation(last, segment)) last.to = segment.to;
    else result.push(segment);
  };
  const baseOf = (segment: OwnedSegment, line: number): number => (segment.owner === BASE_OWNER ? segment.base + (line - segment.from) : 0);
  let next = 0;
  let shift = 0;
  // Past hunk `next`: its added lines, which sit between what was before its cut and what is after.
  const pass = (hunk: HunkRange): void => {
    if (hunk.newLines > 0) push({ from: hunk.newStart, to: hunk.newStart + hunk.newLines, owner, base: 0 });
    shift += hunk.newLines - hunk.oldLines;
    next += 1;
  };
  for (const segment of segments) {
    const start = segment.from;
    const end = segment.to;
    let from = start;
    while (from < end) {
      // Every hunk whose cut ends at or before `from` has moved it.
      let hunk = hunks[next];
      for (; hunk && cutFrom(hunk) + hunk.oldLines <= from; hunk = hunks[next]) pass(hunk);
      const cut = hunk ? cutFrom(hunk) : end;
      if (hunk && cut <= from) {
        const to = Math.min(end, cut + hunk.oldLines); // inside a deletion
        if (segment.owner === BASE_OWNER && onRemoved) onRemoved({ from: baseOf(segment, from), to: baseOf(segment, to), owner });
        from = to;
        continue;
      }
      const to = Math.min(end, cut);
      if (from === start && to === end) {
        // Kept whole: moved, its base line number unchanged.
        segment.from = from + shift;
        segment.to = to + shift;
        push(segment);
      } else {
        push({ from: from + shift, to: to + shift, owner: segment.owner, base: baseOf(segment, from) });
      }
      from = to;
    }
  }
  // Lines added past the last segment (a file created since the base, added to at its end).
  for (let hunk = hunks[next]; hunk; hunk = hunks[next]) pass(hunk);
  return result;
};

/** Where a hunk's deleted lines start in old coordinates; for a pure insertion, the line after `oldStart` (an empty cut). */
const cutFrom = (hunk: HunkRange): number => (hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart);

const isContinuation = (last: OwnedSegment, segment: OwnedSegment): boolean =>
  last.owner === segment.owner && last.to === segment.from && (segment.owner !== BASE_OWNER || last.base + (last.to - last.from) === segment.base);

/** The commit number owning `line`, or null when the line is older than the merge base (or past the file's end). */
export const ownerAt = (segments: readonly OwnedSegment[], line: number): number | null => {
  const segment = spanAt(segments, line);
  return segment === null || segment.owner === BASE_OWNER ? null : segment.owner;
};

/** The span of `spans` (sorted by `from`, none overlapping) holding `line`, searched by halves; null when none does. */
const spanAt = <T extends { from: number; to: number }>(spans: readonly T[], line: number): T | null => {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle] as T;
    if (line < span.from) high = middle - 1;
    else if (line >= span.to) low = middle + 1;
    else return span;
  }
  return null;
};

/**
 * Who removed which base line, from a file's removal log: the commit number
 * that removed `line`, or null when none did. A base line is removed once, so
 * the ranges do not overlap, but they come in commit order: they are sorted
 * once and searched by halves (a catalogue's log of thousands of ranges was
 * scanned once per line asked). Should they ever overlap, the first range in
 * the log's order answers, as a scan would.
 */
export const removalIndex = (removed: readonly RemovedRange[]): ((line: number) => number | null) => {
  const sorted = [...removed].sort((a, b) => a.from - b.from);
  if (sorted.some((range, index) => index > 0 && range.from < (sorted[index - 1] as RemovedRange).to)) {
    return (line) => removed.find((range) => range.from <= line && line < range.to)?.owner ?? null;
  }
  return (line) => spanAt(sorted, line)?.owner ?? null;
};
