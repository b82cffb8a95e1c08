/**
 * Groups diff lines into one section per file, so only one file's text is
 * held at a time. A section starts at `diff --git` (or `diff --cc` /
 * `diff --combined` for merges), or, in a plain `diff -u`, at a `--- `
 * line outside any hunk.
 */
export type SectionKind = 'git' | 'combined' | 'plain';

export interface Section {
  kind: SectionKind;
  lines: string[];
}

export interface SectionSplitter {
  /** Takes the next line; returns the section it completed, if any. */
  push(line: string): Section | null;
  /** The last section, at the end of the input. */
  end(): Section | null;
}

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

export function createSectionSplitter(): SectionSplitter {
  let current: Section | null = null;
  // Lines still expected in the current hunk: in a plain diff `--- x` could be
  // a deleted line `-- x` as well as the next file's header.
  let remainingOld = 0;
  let remainingNew = 0;
  let hasHunk = false;
  return {
    push(line) {
      const isInHunk = remainingOld > 0 || remainingNew > 0;
      const kind = sectionStart(line, isInHunk, current === null || hasHunk);
      if (kind) {
        const completed = current;
        current = { kind, lines: [line] };
        remainingOld = remainingNew = 0;
        hasHunk = false;
        return completed;
      }
      if (!current) return null; // preamble: a commit message, prose
      current.lines.push(line);
      const hunk = line.startsWith('@@') ? HUNK_HEADER.exec(line) : null;
      if (hunk) {
        remainingOld = hunk[1] === undefined ? 1 : Number(hunk[1]);
        remainingNew = hunk[2] === undefined ? 1 : Number(hunk[2]);
        hasHunk = true;
      } else if (isInHunk) {
        if (line.startsWith('-')) remainingOld -= 1;
        else if (line.startsWith('+')) remainingNew -= 1;
        else if (!line.startsWith('\\')) {
          remainingOld -= 1;
          remainingNew -= 1;
        }
      }
      return null;
    },
    end() {
      const completed = current;
      current = null;
      return completed;
    },
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
