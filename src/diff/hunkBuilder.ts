import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import { sha256Hex } from '../fingerprint.js';
import type { DiffLine, Hunk } from '../model.js';

/** Lines kept per hunk for reports and analysers; counts always cover the whole hunk. */
export const MAX_LINES_PER_HUNK = 2000;

export const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

export interface HunkRange {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

export type ReportProblem = (problem: string) => void;

/**
 * The ranges of an `@@` line, or null when it is none or a number in it is
 * too large to be true (a lying count of 400 digits is Infinity, and would
 * reach the JSON report as null).
 */
export function readHunkRange(line: string): HunkRange | null {
  const match = line.startsWith('@@') ? HUNK_HEADER.exec(line) : null;
  if (!match) return null;
  const range: HunkRange = {
    oldStart: Number(match[1]),
    oldLines: match[2] === undefined ? 1 : Number(match[2]),
    newStart: Number(match[3]),
    newLines: match[4] === undefined ? 1 : Number(match[4]),
  };
  return Number.isSafeInteger(range.oldStart + range.oldLines + range.newStart + range.newLines) ? range : null;
}

/**
 * A kept hunk line. A class rather than an object literal: V8 may decide that
 * a literal's allocation site makes long-lived objects (the lines of a huge
 * file's hunks live until the file ends) and from then on allocate every
 * line of every file straight into the old generation, where they die as
 * garbage and keep their strings alive with them. `new` has no such site.
 */
class KeptLine implements DiffLine {
  constructor(
    public type: DiffLine['type'],
    public content: string,
  ) {}
}

/**
 * One hunk built line by line: counts and fingerprint cover every line, but
 * only the first MAX_LINES_PER_HUNK are kept, so a 100 MB hunk costs its
 * counts, not its size.
 */
export function startHunk(path: string, header: string, range: HunkRange, report: ReportProblem): { add(raw: string): void; finish(): Hunk } {
  const lines: DiffLine[] = [];
  // Content, not position: the same change keeps its fingerprint when lines shift.
  const prefix = `hunk\0${path}\0`;
  // A large hunk is hashed as it goes, in batches (one native call per line is the slow part); most are hashed once, at the end.
  let hash: Hash | null = null;
  let pending: string[] = [];
  let additions = 0;
  let deletions = 0;
  let lineCount = 0;
  return {
    add(raw) {
      if (raw.startsWith('\\')) return; // "\ No newline at end of file" is a marker, not a line
      const type = raw.startsWith('+') ? 'add' : raw.startsWith('-') ? 'del' : 'normal';
      lineCount += 1;
      if (type !== 'normal') {
        if (type === 'add') additions += 1;
        else deletions += 1;
        pending.push(raw.charAt(0), raw.slice(1).trim(), '\n');
        if (pending.length >= 768) {
          hash ??= createHash('sha256').update(prefix);
          hash.update(pending.join(''));
          pending = [];
        }
      }
      if (lines.length < MAX_LINES_PER_HUNK) lines.push(new KeptLine(type, raw.slice(1)));
    },
    finish() {
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
        fingerprint: (hash ? hash.update(pending.join('')).digest('hex') : sha256Hex(prefix + pending.join(''))).slice(0, 16),
        commits: [],
        blocks: [],
        lines,
        isTruncated: lines.length < lineCount,
      };
    },
  };
}

/** Hunks from a stream of hunk lines (headers and bodies), holding only the hunk being built. */
export function createHunkBuilder(path: string, report: ReportProblem): { push(line: string): void; finish(): Hunk[] } {
  const hunks: Hunk[] = [];
  let current: ReturnType<typeof startHunk> | null = null;
  return {
    push(line) {
      const range = readHunkRange(line);
      if (range) {
        if (current) hunks.push(current.finish());
        current = startHunk(path, line, range, report);
      } else if (line.startsWith('@@')) {
        report(`unreadable hunk header ${JSON.stringify(line.slice(0, 60))}; its lines are left out`);
        if (current) hunks.push(current.finish());
        current = null;
      } else {
        current?.add(line);
      }
    },
    finish() {
      if (current) hunks.push(current.finish());
      current = null;
      return hunks;
    },
  };
}
