/**
 * Finds where each file's section starts: at `diff --git` (or `diff --cc` /
 * `diff --combined` for merges), or, in a plain `diff -u`, at a `--- ` line
 * outside any hunk. It only classifies lines; what a section keeps is the
 * accumulator's business (see sectionAccumulator.ts).
 */
import { HUNK_HEADER } from './hunkBuilder.js';

export type SectionKind = 'git' | 'combined' | 'plain';

/** A new section of this kind starts at the line, the line continues the current one, or it is preamble. */
export type LineRole = SectionKind | 'continues' | 'preamble';

export interface SectionSplitter {
  /** Classifies the line; `emit` gets it (and any line held back before it) in input order. */
  push(line: string): void;
  /** Emits what is still held back at the end of the input. */
  flush(): void;
}

export function createSectionSplitter(emit: (line: string, role: LineRole) => void): SectionSplitter {
  let isInSection = false;
  // Lines still expected in the current hunk: in a plain diff `--- x` could be
  // a deleted line `-- x` as well as the next file's header.
  let remainingOld = 0;
  let remainingNew = 0;
  let hasHunk = false;
  // A `--- ` (and then `+++ `) line met inside a hunk, held until the next
  // line shows what it is. `--- `, `+++ `, `@@ …` in a row is a file header
  // whatever the hunk's count says: no hunk line starts with `@@`. Trusting a
  // count that lies (too long) would swallow the next file whole.
  let held: string[] = [];

  const roleOf = (line: string): LineRole => {
    const isInHunk = remainingOld > 0 || remainingNew > 0;
    const kind = sectionStart(line, isInHunk, !isInSection || hasHunk);
    if (kind) {
      isInSection = true;
      remainingOld = remainingNew = 0;
      hasHunk = false;
      return kind;
    }
    if (!isInSection) return 'preamble'; // a commit message, prose
    const hunk = line.startsWith('@@') ? HUNK_HEADER.exec(line) : null;
    if (hunk) {
      remainingOld = hunk[2] === undefined ? 1 : Number(hunk[2]);
      remainingNew = hunk[4] === undefined ? 1 : Number(hunk[4]);
      hasHunk = true;
    } else if (isInHunk) {
      if (line.startsWith('-')) remainingOld -= 1;
      else if (line.startsWith('+')) remainingNew -= 1;
      else if (!line.startsWith('\\')) {
        remainingOld -= 1;
        remainingNew -= 1;
      }
    }
    return 'continues';
  };

  const release = (): void => {
    const lines = held;
    held = [];
    for (const line of lines) emit(line, roleOf(line));
  };

  return {
    push(line) {
      if (held.length > 0) {
        if (held.length === 1 && line.startsWith('+++ ')) {
          held.push(line);
          return;
        }
        if (held.length === 2 && HUNK_HEADER.test(line)) remainingOld = remainingNew = 0; // the hunk ended early
        release();
      }
      if ((remainingOld > 0 || remainingNew > 0) && line.startsWith('--- ')) {
        held.push(line);
        return;
      }
      emit(line, roleOf(line));
    },
    flush: release,
  };
}

/** `--- x` opens a plain section only between files: not inside a hunk, nor in a git header. */
function sectionStart(line: string, isInHunk: boolean, isBetweenFiles: boolean): SectionKind | null {
  if (!line.startsWith('diff ') && !line.startsWith('--- ')) return null;
  if (line.startsWith('diff --git ')) return 'git';
  if (line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) return 'combined';
  if (!isInHunk && isBetweenFiles && line.startsWith('--- ')) return 'plain';
  return null;
}
