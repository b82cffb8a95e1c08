import parseDiff from 'parse-diff';
import type { Hunk } from '../model.js';
import { type ReportProblem, createHunkBuilder, readHunkRange, startHunk } from './hunkBuilder.js';

export { MAX_LINES_PER_HUNK } from './hunkBuilder.js';

/**
 * Hunks of one file section held in memory. parse-diff finds each hunk, its
 * ranges and how many lines it spans; its pitfalls are handled here: it
 * clones a `\ No newline at end of file` marker as a change of the previous
 * line's type (never counted), and its file names are ignored (the header
 * parser owns names). Sections too large to hold go through
 * createHunkBuilder as they stream instead (see sectionAccumulator.ts).
 */
export function parseHunks(path: string, hunkLines: readonly string[]): { hunks: Hunk[]; problems: string[] } {
  if (hasParseDiffPitfall(hunkLines)) return buildHunksStreaming(path, hunkLines);
  const problems: string[] = [];
  const report: ReportProblem = (problem) => {
    problems.push(`${path}: ${problem}`);
  };
  const chunks = parseDiff(hunkLines.join('\n')).flatMap((file) => file.chunks);
  // The text itself is taken from our own lines at the positions parse-diff
  // reports, because its strings are slices of the joined section and would
  // keep all of it alive.
  let searchFrom = 0;
  const hunks = chunks.map((chunk) => {
    const at = hunkLines.indexOf(chunk.content, searchFrom);
    const body = at === -1 ? chunk.changes.map((change) => change.content) : hunkLines.slice(at + 1, at + 1 + chunk.changes.length);
    searchFrom = at === -1 ? searchFrom : at + 1 + chunk.changes.length;
    const hunk = startHunk(path, at === -1 ? chunk.content : (hunkLines[at] as string), chunk, report);
    for (const raw of body) hunk.add(raw);
    return hunk.finish();
  });
  return { hunks, problems };
}

/**
 * Input parse-diff gets wrong, which the builder reads as it is: a malformed
 * or overflowing `@@` line (parse-diff reads it as context, or its counts as
 * Infinity), and a `\ No newline at end of file` marker right after `@@`
 * (parse-diff clones "the previous line", which does not exist, and throws).
 */
function hasParseDiffPitfall(hunkLines: readonly string[]): boolean {
  for (let index = 0; index < hunkLines.length; index += 1) {
    const line = hunkLines[index] as string;
    if (line.startsWith('@@') && readHunkRange(line) === null) return true;
    if (line.startsWith('\\') && hunkLines[index - 1]?.startsWith('@@')) return true;
  }
  return false;
}

/** The same hunks as parseHunks, built line by line: for streamed sections, and the reference for tests. */
export function buildHunksStreaming(path: string, hunkLines: Iterable<string>): { hunks: Hunk[]; problems: string[] } {
  const problems: string[] = [];
  const builder = createHunkBuilder(path, (problem) => problems.push(`${path}: ${problem}`));
  for (const line of hunkLines) builder.push(line);
  return { hunks: builder.finish(), problems };
}
