import parseDiff from 'parse-diff';
import { createHash } from 'node:crypto';
import type { DiffLine, Hunk } from '../model.js';

/** Lines kept per hunk for reports and analysers; counts always cover the whole hunk. */
export const MAX_LINES_PER_HUNK = 2000;

/**
 * Above this many characters a section is counted line by line: parse-diff
 * builds an object per line, several times the section's size in memory.
 */
const MAX_SECTION_CHARS_FOR_PARSE_DIFF = 8 * 1024 * 1024;

/**
 * Hunks of one file section. parse-diff turns hunk text into lines; its
 * pitfalls are handled here: it clones a `\ No newline at end of file` marker
 * as a change of the previous line's type (so it must not be counted), and
 * its file names are ignored (the header parser owns names).
 */
export function parseHunks(path: string, hunkLines: readonly string[]): { hunks: Hunk[]; problems: string[] } {
  const problems: string[] = [];
  const report = (problem: string): void => {
    problems.push(`${path}: ${problem}`);
  };
  for (const line of hunkLines) {
    if (line.startsWith('@@') && !HUNK_HEADER.test(line)) report(`unreadable hunk header ${JSON.stringify(line.slice(0, 60))}; its lines are left out`);
  }
  let size = 0;
  for (const line of hunkLines) size += line.length + 1;
  if (size > MAX_SECTION_CHARS_FOR_PARSE_DIFF) return { hunks: countHunks(path, hunkLines, report), problems };
  const chunks = parseDiff(hunkLines.join('\n')).flatMap((file) => file.chunks);
  // parse-diff finds each hunk and how many lines it spans; the text itself is
  // taken from our own lines at the same positions, because parse-diff's
  // strings are slices of the joined section and would keep all of it alive.
  let searchFrom = 0;
  const hunks = chunks.map((chunk) => {
    const at = hunkLines.indexOf(chunk.content, searchFrom);
    const body = at === -1 ? chunk.changes.map((change) => change.content) : hunkLines.slice(at + 1, at + 1 + chunk.changes.length);
    searchFrom = at === -1 ? searchFrom : at + 1 + chunk.changes.length;
    return buildHunk(path, at === -1 ? chunk.content : (hunkLines[at] as string), chunk, body, report);
  });
  return { hunks, problems };
}

interface HunkRange {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

function buildHunk(path: string, header: string, range: HunkRange, rawLines: readonly string[], report: (problem: string) => void): Hunk {
  const lines: DiffLine[] = [];
  // Content, not position: the same change keeps its fingerprint when lines shift.
  const hash = createHash('sha256').update(`hunk\0${path}\0`);
  let pending: string[] = []; // hashed in batches: one native call per line is the slow part
  let additions = 0;
  let deletions = 0;
  let lineCount = 0;
  for (const raw of rawLines) {
    if (raw.startsWith('\\')) continue; // "\ No newline at end of file" is a marker, not a line
    const type = raw.startsWith('+') ? 'add' : raw.startsWith('-') ? 'del' : 'normal';
    lineCount += 1;
    if (type === 'add') additions += 1;
    if (type === 'del') deletions += 1;
    if (type !== 'normal') {
      pending.push(raw.charAt(0), raw.slice(1).trim(), '\n');
      if (pending.length >= 768) {
        hash.update(pending.join(''));
        pending = [];
      }
    }
    if (lines.length < MAX_LINES_PER_HUNK) lines.push({ type, content: raw.slice(1) });
  }
  const context = lineCount - additions - deletions;
  if (deletions + context < range.oldLines || additions + context < range.newLines) {
    report(`hunk ${header.replace(/ @@.*$/, ' @@')} has fewer lines than its header says (a truncated diff?)`);
  }
  return {
    header,
    oldStart: range.oldStart,
    oldLines: range.oldLines,
    newStart: range.newStart,
    newLines: range.newLines,
    additions,
    deletions,
    categories: [],
    side: null,
    fingerprint: hash.update(pending.join('')).digest('hex').slice(0, 16),
    commits: [],
    lines,
    isTruncated: lines.length < lineCount,
  };
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** The same result as parse-diff for sections too large to turn into one object per line. */
function countHunks(path: string, hunkLines: readonly string[], report: (problem: string) => void): Hunk[] {
  const hunks: Hunk[] = [];
  let header: string | null = null;
  let range: HunkRange | null = null;
  let body: string[] = [];
  const flush = (): void => {
    if (header !== null && range) hunks.push(buildHunk(path, header, range, body, report));
  };
  for (const line of hunkLines) {
    const match = HUNK_HEADER.exec(line);
    if (match) {
      flush();
      header = line;
      range = {
        oldStart: Number(match[1]),
        oldLines: match[2] === undefined ? 1 : Number(match[2]),
        newStart: Number(match[3]),
        newLines: match[4] === undefined ? 1 : Number(match[4]),
      };
      body = [];
    } else if (header !== null) body.push(line);
  }
  flush();
  return hunks;
}
