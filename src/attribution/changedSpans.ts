import type { History } from '../git/history.js';
import { readDiff } from '../diff/parse.js';
import { rangeSpan } from './spans.js';
import type { Span } from './spans.js';

// Past this many characters of paths, diff everything rather than risk the argv limit.
const MAX_PATHSPEC_CHARS = 64 * 1024;

/**
 * The lines one side changed since the merge base, per path on that side, as
 * spans in that side's coordinates: one zero-context diff for all `paths`.
 */
export const changedSpans = async (history: History, base: string, tip: string, paths: string[]): Promise<Map<string, Span[]>> => {
  const unique = [...new Set(paths)].sort();
  const pathspec = unique.join('').length > MAX_PATHSPEC_CHARS ? [] : unique;
  const diff = history.changedLines(base, tip, pathspec);
  const { files } = readDiff(diff.stdout, { srcPrefix: 'a/', dstPrefix: 'b/' });
  const spans = new Map<string, Span[]>();
  for await (const file of files) {
    spans.set(
      file.path,
      file.hunks.map((hunk) => rangeSpan(hunk.newStart, hunk.newLines)),
    );
  }
  await diff.done;
  return spans;
};
