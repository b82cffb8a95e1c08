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

/**
 * A file's owned segments, sorted and apart, packed: `from`, `to`, `owner`
 * and `base` of each in turn. A commit moves every segment after its first
 * hunk, and a catalogue of thousands of segments is touched by thousands of
 * commits (incus: 34 million segments moved): as objects, each move was a
 * pointer chased and a write to an old object; packed, it is a copy.
 */
export interface Segments {
  readonly data: Float64Array;
  readonly count: number;
}

/** Numbers per segment in `Segments.data`. */
const FIELDS = 4;
const FROM = 0;
const TO = 1;
const OWNER = 2;
const BASE = 3;

/** Base lines `[from, to)` that commit number `owner` deleted. */
export interface RemovedRange {
  from: number;
  to: number;
  owner: number;
}

/** A file created since the merge base, before its first commit: no lines. */
export const NO_SEGMENTS: Segments = { data: new Float64Array(0), count: 0 };

/** A file as it was at the merge base: every line the base's, however long the file. */
export const baseSegments = (): Segments => ({ data: Float64Array.of(1, Number.POSITIVE_INFINITY, BASE_OWNER, 1), count: 1 });

/** The segments as records, in order, for a reader that walks them once. */
export const segmentList = ({ data, count }: Segments): OwnedSegment[] =>
  Array.from({ length: count }, (_, index) => {
    const at = index * FIELDS;
    return { from: data[at + FROM] ?? 0, to: data[at + TO] ?? 0, owner: data[at + OWNER] ?? 0, base: data[at + BASE] ?? 0 };
  });

/**
 * Carries a file's segments across one commit's zero-context hunks, the way
 * `git blame` walks history forwards: lines the commit deleted drop out
 * (base lines among them are reported to `onRemoved`), lines after each hunk
 * shift, and the lines it added become `owner`'s. One pass over segments
 * and hunks together, both sorted; the segments before the first hunk are
 * copied as they are, and those after the last shifted. The segments are the
 * caller's to give up: their buffer holds the new ones when they fit.
 */
export const applyHunks = (segments: Segments, hunks: readonly HunkRange[], owner: number, onRemoved?: (range: RemovedRange) => void): Segments => {
  const { data, count } = segments;
  const first = hunks[0];
  const untouched = first === undefined ? count : segmentsBefore(segments, cutFrom(first));
  // Each hunk splits at most one segment in two and adds one.
  const needed = (count + 2 * hunks.length) * FIELDS;
  if (scratch.length < needed) scratch = new Float64Array(Math.max(needed, 2 * scratch.length));
  const out = scratch;
  out.set(data.subarray(0, untouched * FIELDS));
  let length = untouched;
  const push = (from: number, to: number, segmentOwner: number, base: number): void => {
    const last = (length - 1) * FIELDS;
    // A continuation of the last segment (same owner, and for base lines the next base line) grows it.
    if (length > 0 && out[last + OWNER] === segmentOwner && out[last + TO] === from &&
      (segmentOwner !== BASE_OWNER || (out[last + BASE] ?? 0) + (from - (out[last + FROM] ?? 0)) === base)) {
      out[last + TO] = to;
      return;
    }
    const at = length * FIELDS;
    out[at + FROM] = from;
    out[at + TO] = to;
    out[at + OWNER] = segmentOwner;
    out[at + BASE] = base;
    length += 1;
  };
  let next = 0;
  let shift = 0;
  // Past hunk `next`: its added lines, which sit between what was before its cut and what is after.
  const pass = (hunk: HunkRange): void => {
    if (hunk.newLines > 0) push(hunk.newStart, hunk.newStart + hunk.newLines, owner, 0);
    shift += hunk.newLines - hunk.oldLines;
    next += 1;
  };
  for (let index = untouched; index < count; index += 1) {
    const at = index * FIELDS;
    const start = data[at + FROM] ?? 0;
    const end = data[at + TO] ?? 0;
    const segmentOwner = data[at + OWNER] ?? 0;
    const segmentBase = data[at + BASE] ?? 0;
    if (next === hunks.length) {
      // Past every hunk: the rest only shift (they were apart before, and stay apart).
      push(start + shift, end + shift, segmentOwner, segmentBase);
      const rest = (index + 1) * FIELDS;
      const into = length * FIELDS;
      out.set(data.subarray(rest, count * FIELDS), into);
      length += count - index - 1;
      if (shift !== 0) for (let moved = into; moved < length * FIELDS; moved += FIELDS) {
        out[moved + FROM] = (out[moved + FROM] ?? 0) + shift;
        out[moved + TO] = (out[moved + TO] ?? 0) + shift;
      }
      break;
    }
    // Base line numbers run along a base segment; other segments have none.
    const baseAt = segmentOwner === BASE_OWNER ? segmentBase - start : Number.NaN;
    let from = start;
    while (from < end) {
      // Every hunk whose cut ends at or before `from` has moved it.
      let hunk = hunks[next];
      for (; hunk && cutFrom(hunk) + hunk.oldLines <= from; hunk = hunks[next]) pass(hunk);
      const cut = hunk ? cutFrom(hunk) : end;
      if (hunk && cut <= from) {
        const to = Math.min(end, cut + hunk.oldLines); // inside a deletion
        if (segmentOwner === BASE_OWNER && onRemoved) onRemoved({ from: baseAt + from, to: baseAt + to, owner });
        from = to;
        continue;
      }
      const to = Math.min(end, cut);
      push(from + shift, to + shift, segmentOwner, segmentOwner === BASE_OWNER ? baseAt + from : 0);
      from = to;
    }
  }
  // Lines added past the last segment (a file created since the base, added to at its end).
  for (let hunk = hunks[next]; hunk; hunk = hunks[next]) pass(hunk);
  // Back into the file's own buffer where they fit, else into one with room to grow.
  const kept = data.length >= length * FIELDS ? data : new Float64Array(Math.ceil(length * GROWTH) * FIELDS);
  kept.set(out.subarray(0, length * FIELDS));
  return { data: kept, count: length };
};

/**
 * Where `applyHunks` builds a file's new segments before they go back into
 * the file's own buffer: one for the run, grown to the largest file, so a
 * commit allocates nothing (a buffer per touch of a catalogue of thousands
 * of segments was hundreds of megabytes of garbage outside the heap).
 */
let scratch = new Float64Array(1024);
/** A file's buffer, when it outgrows its own, gets room for this many times its segments. */
const GROWTH = 1.5;

/** How many segments end at or before `line`: those no hunk cutting at `line` or later touches. */
const segmentsBefore = ({ data, count }: Segments, line: number): number => {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((data[middle * FIELDS + TO] ?? 0) <= line) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** Where a hunk's deleted lines start in old coordinates; for a pure insertion, the line after `oldStart` (an empty cut). */
const cutFrom = (hunk: HunkRange): number => (hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart);

/** The commit number owning `line`, or null when the line is older than the merge base (or past the file's end). */
export const ownerAt = ({ data, count }: Segments, line: number): number | null => {
  let low = 0;
  let high = count - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = middle * FIELDS;
    if (line < (data[at + FROM] ?? 0)) high = middle - 1;
    else if (line >= (data[at + TO] ?? 0)) low = middle + 1;
    else return data[at + OWNER] === BASE_OWNER ? null : (data[at + OWNER] ?? null);
  }
  return null;
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
