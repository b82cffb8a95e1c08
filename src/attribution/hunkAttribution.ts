import type { FileDiff, Hunk, HunkBlock, LineSide, Side } from '../model.js';
import type { FileLines, LineFact } from './lineFacts.js';

interface OpenBlock {
  side: LineSide | null;
  oldFrom: number;
  newFrom: number;
}

/**
 * A hunk's side, blocks and commits from its lines' facts: one side when all
 * its changed lines moved on it, else `both`, split into blocks that each
 * hold the changes of one side (context lines stay with the block before
 * them, so the blocks cover the hunk in order). Lines past a truncated
 * hunk's kept lines have no facts; the last block runs to the hunk's end.
 */
export const setHunkAttribution = (file: FileDiff, facts: FileLines): void => {
  for (const hunk of file.hunks) {
    const { sides, commits, blocks } = readHunk(hunk, facts);
    hunk.side = sides.size === 0 ? file.side : sides.size === 1 ? ([...sides][0] as Side) : 'both';
    hunk.blocks = hunk.side === 'both' ? blocks : [];
    hunk.commits = commits;
  }
};

const readHunk = (hunk: Hunk, facts: FileLines): { sides: Set<LineSide>; commits: string[]; blocks: HunkBlock[] } => {
  const sides = new Set<LineSide>();
  const commits = new Set<string>();
  const blocks: HunkBlock[] = [];
  // Next line numbers; with zero lines on a side, the header names the line before the hunk.
  let oldLine = hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart;
  let newLine = hunk.newLines === 0 ? hunk.newStart + 1 : hunk.newStart;
  let open: OpenBlock = { side: null, oldFrom: oldLine, newFrom: newLine };
  const close = (oldTo: number, newTo: number): void => {
    if (open.side === null) return;
    blocks.push({
      side: open.side,
      oldStart: oldTo === open.oldFrom ? open.oldFrom - 1 : open.oldFrom,
      oldLines: oldTo - open.oldFrom,
      newStart: newTo === open.newFrom ? open.newFrom - 1 : open.newFrom,
      newLines: newTo - open.newFrom,
    });
  };
  const see = (fact: LineFact | undefined): void => {
    if (!fact) return;
    sides.add(fact.side);
    for (const sha of fact.commits) commits.add(sha);
    if (open.side !== null && open.side !== fact.side) {
      close(oldLine, newLine);
      open = { side: fact.side, oldFrom: oldLine, newFrom: newLine };
    }
    open.side = fact.side;
  };
  for (const line of hunk.lines) {
    if (line.type === 'del') see(facts.upstream.get(oldLine));
    else if (line.type === 'add') see(facts.fork.get(newLine));
    if (line.type !== 'add') oldLine += 1;
    if (line.type !== 'del') newLine += 1;
  }
  const oldEnd = (hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart) + hunk.oldLines;
  const newEnd = (hunk.newLines === 0 ? hunk.newStart + 1 : hunk.newStart) + hunk.newLines;
  close(Math.max(oldLine, oldEnd), Math.max(newLine, newEnd));
  return { sides, commits: [...commits], blocks };
};
