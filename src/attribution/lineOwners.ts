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
 * and hunks together, both sorted.
 *
 * The segments are the caller's to give up: a segment kept whole is moved
 * in place, not copied (a file the history touched a thousand times, such as
 * a translation catalogue of thousands of segments, made a new object of
 * each segment per touch, and their garbage was most of a side's line log).
 */
export const applyHunks = (
  segments: OwnedSegment[],
  hunks: readonly HunkRange[],
  owner: number,
  onRemoved?: (range: RemovedRange) => void,
): OwnedSegment[] => {
  // Per hunk, in old coordinates: the deleted lines [cutFrom, cutTo), empty
  // (at the line after `oldStart`) for a pure insertion; and the shift after it.
  const cuts = hunks.map((hunk) => {
    const cutFrom = hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart;
    return { cutFrom, cutTo: cutFrom + hunk.oldLines, shift: hunk.newLines - hunk.oldLines };
  });
  const baseOf = (segment: OwnedSegment, line: number): number => (segment.owner === BASE_OWNER ? segment.base + (line - segment.from) : 0);
  const kept: OwnedSegment[] = [];
  let next = 0;
  let shift = 0;
  for (const segment of segments) {
    const start = segment.from;
    const end = segment.to;
    let from = start;
    while (from < end) {
      // Every hunk ending at or before `from` has moved it.
      for (let cut = cuts[next]; cut && cut.cutTo <= from; cut = cuts[next]) {
        shift += cut.shift;
        next += 1;
      }
      const cut = cuts[next];
      if (cut && cut.cutFrom <= from) {
        const to = Math.min(end, cut.cutTo); // inside a deletion
        if (segment.owner === BASE_OWNER && onRemoved) onRemoved({ from: baseOf(segment, from), to: baseOf(segment, to), owner });
        from = to;
        continue;
      }
      const to = Math.min(end, cut ? cut.cutFrom : end);
      if (from === start && to === end) {
        // Kept whole: moved, its base line number unchanged.
        segment.from = from + shift;
        segment.to = to + shift;
        kept.push(segment);
      } else {
        kept.push({ from: from + shift, to: to + shift, owner: segment.owner, base: baseOf(segment, from) });
      }
      from = to;
    }
  }
  const added = hunks
    .filter((hunk) => hunk.newLines > 0)
    .map((hunk) => ({ from: hunk.newStart, to: hunk.newStart + hunk.newLines, owner, base: 0 }));
  return mergeSorted(kept, added);
};

const isContinuation = (last: OwnedSegment, segment: OwnedSegment): boolean =>
  last.owner === segment.owner && last.to === segment.from && (segment.owner !== BASE_OWNER || last.base + (last.to - last.from) === segment.base);

const mergeSorted = (a: OwnedSegment[], b: OwnedSegment[]): OwnedSegment[] => {
  if (b.length === 0) return a;
  const merged: OwnedSegment[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    const isLeft = left !== undefined && (right === undefined || left.from < right.from);
    const segment = isLeft ? left : right;
    if (!segment) break;
    if (isLeft) i += 1;
    else j += 1;
    const last = merged.at(-1);
    // Every segment here is this call's own (moved or new), so a continuation may grow in place.
    if (last && isContinuation(last, segment)) last.to = segment.to;
    else merged.push(segment);
  }
  return merged;
};

/** The commit number owning `line`, or null when the line is older than the merge base (or past the file's end). */
export const ownerAt = (segments: readonly OwnedSegment[], line: number): number | null => {
  const segment = segmentAt(segments, line);
  return segment === null || segment.owner === BASE_OWNER ? null : segment.owner;
};

const segmentAt = (segments: readonly OwnedSegment[], line: number): OwnedSegment | null => {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle] as OwnedSegment;
    if (line < segment.from) high = middle - 1;
    else if (line >= segment.to) low = middle + 1;
    else return segment;
  }
  return null;
};

/** The commit number that removed base line `line`, from a file's removal log; null when none did. */
export const removerAt = (removed: readonly RemovedRange[], line: number): number | null =>
  removed.find((range) => range.from <= line && line < range.to)?.owner ?? null;
