import type { HunkRange } from './patchReader.js';

/**
 * Lines `[from, to)` (1-based) of one version of a file, last changed by
 * commit number `owner`. Lines in no segment are older than the merge base.
 * A file is a sorted list of these: memory follows what changed, not file size.
 */
export interface OwnedSegment {
  from: number;
  to: number;
  owner: number;
}

/**
 * Carries a file's segments across one commit's zero-context hunks, the way
 * `git blame` walks history forwards: lines the commit deleted drop out,
 * lines after each hunk shift, and the lines it added become `owner`'s. One
 * pass over segments and hunks together, both sorted.
 */
export const applyHunks = (segments: readonly OwnedSegment[], hunks: readonly HunkRange[], owner: number): OwnedSegment[] => {
  // Per hunk, in old coordinates: the deleted lines [cutFrom, cutTo), empty
  // (at the line after `oldStart`) for a pure insertion; and the shift after it.
  const cuts = hunks.map((hunk) => {
    const cutFrom = hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart;
    return { cutFrom, cutTo: cutFrom + hunk.oldLines, shift: hunk.newLines - hunk.oldLines };
  });
  const kept: OwnedSegment[] = [];
  let next = 0;
  let shift = 0;
  for (const segment of segments) {
    let from = segment.from;
    while (from < segment.to) {
      // Every hunk ending at or before `from` has moved it.
      for (let cut = cuts[next]; cut && cut.cutTo <= from; cut = cuts[next]) {
        shift += cut.shift;
        next += 1;
      }
      const cut = cuts[next];
      if (cut && cut.cutFrom <= from) {
        from = Math.min(segment.to, cut.cutTo); // inside a deletion
        continue;
      }
      const to = Math.min(segment.to, cut ? cut.cutFrom : segment.to);
      kept.push({ from: from + shift, to: to + shift, owner: segment.owner });
      from = to;
    }
  }
  const added = hunks
    .filter((hunk) => hunk.newLines > 0)
    .map((hunk) => ({ from: hunk.newStart, to: hunk.newStart + hunk.newLines, owner }));
  return mergeSorted(kept, added);
};

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
    if (last && last.owner === segment.owner && last.to === segment.from) last.to = segment.to;
    else merged.push({ ...segment });
  }
  return merged;
};

/** The commit number owning `line`, or null when the line is older than the merge base. */
export const ownerAt = (segments: readonly OwnedSegment[], line: number): number | null => {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle] as OwnedSegment;
    if (line < segment.from) high = middle - 1;
    else if (line >= segment.to) low = middle + 1;
    else return segment.owner;
  }
  return null;
};
