import type { DiffLine, Hunk, LineSide, Side } from '../model.js';

/** A run of a hunk's lines with one side, as reports print it. */
export interface HunkPart {
  side: Side | LineSide;
  /** `@@ -a,b +c,d @@` of the part: the hunk's own header when it is not split. */
  header: string;
  lines: DiffLine[];
}

/**
 * A `both` hunk split along its `blocks` (each the lines whose changes moved
 * on one side; they cover the hunk in order), so a reader sees which lines
 * are the fork's and which upstream's; any other hunk is one part. A block
 * takes lines until it has as many old and new lines as its ranges count
 * (start numbers follow diff's convention for empty ranges, so counts are
 * what is robust); the last block takes the rest (a truncated hunk's lines).
 */
export function hunkParts(hunk: Hunk): HunkPart[] {
  if (hunk.blocks.length === 0) return [{ side: hunk.side, header: hunk.header, lines: hunk.lines }];
  let index = 0;
  return hunk.blocks.map((block, blockIndex) => {
    const isLast = blockIndex === hunk.blocks.length - 1;
    const lines: DiffLine[] = [];
    let oldSeen = 0;
    let newSeen = 0;
    while (index < hunk.lines.length && (isLast || oldSeen < block.oldLines || newSeen < block.newLines)) {
      const line = hunk.lines[index] as DiffLine;
      lines.push(line);
      if (line.type !== 'add') oldSeen += 1;
      if (line.type !== 'del') newSeen += 1;
      index += 1;
    }
    return { side: block.side, header: `@@ -${block.oldStart},${block.oldLines} +${block.newStart},${block.newLines} @@`, lines };
  });
}
