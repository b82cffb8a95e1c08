import type { History } from '../git/history.js';
import { readGitPatch } from './patchReader.js';
import { rangeSpan } from './spans.js';
import type { Span } from './spans.js';

/**
 * The lines one side changed since the merge base, per path on that side, as
 * spans in that side's coordinates: a streamed zero-context diff per side per
 * run (one per chunk of paths, each chunk holding whole rename groups), of
 * which only the hunk ranges are kept.
 */
export const loadChangedSpans = async (history: History, base: string, tip: string, chunks: readonly string[][]): Promise<Map<string, Span[]>> => {
  const spans = new Map<string, Span[]>();
  for (const paths of chunks) {
    await readGitPatch(history.changedLines(base, tip, paths), {
      file: ({ newPath, hunks }) => {
        if (newPath !== null && hunks.length > 0) spans.set(newPath, hunks.map((hunk) => rangeSpan(hunk.newStart, hunk.newLines)));
      },
    });
  }
  return spans;
};
