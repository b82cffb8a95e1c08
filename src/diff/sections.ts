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

export function createSectionSplitter(): (line: string) => LineRole {
  let isInSection = false;
  // Lines still expected in the current hunk: in a plain diff `--- x` could be
  // a deleted line `-- x` as well as the next file's header.
  let remainingOld = 0;
  let remainingNew = 0;
  let hasHunk = false;
  return (line) => {
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
}

/** `--- x` opens a plain section only between files: not inside a hunk, nor in a git header. */
function sectionStart(line: string, isInHunk: boolean, isBetweenFiles: boolean): SectionKind | null {
  if (!line.startsWith('diff ') && !line.startsWith('--- ')) return null;
  if (line.startsWith('diff --git ')) return 'git';
  if (line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) return 'combined';
  if (!isInHunk && isBetweenFiles && line.startsWith('--- ')) return 'plain';
  return null;
}
