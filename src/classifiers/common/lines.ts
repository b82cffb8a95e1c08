import type { CategoryId, DiffLine, Hunk } from '../../model.js';

/** A hunk line with its line number on the side(s) it exists on. */
export interface NumberedLine extends DiffLine {
  /** 1-based line number upstream (null for `+` lines). */
  oldNumber: number | null;
  /** 1-based line number in the fork (null for `-` lines). */
  newNumber: number | null;
}

export function numberedLines(hunk: Hunk): NumberedLine[] {
  let oldNumber = hunk.oldStart;
  let newNumber = hunk.newStart;
  return hunk.lines.map((line) => {
    const numbered: NumberedLine = {
      ...line,
      oldNumber: line.type === 'add' ? null : oldNumber,
      newNumber: line.type === 'del' ? null : newNumber,
    };
    if (line.type !== 'add') oldNumber += 1;
    if (line.type !== 'del') newNumber += 1;
    return numbered;
  });
}

/** A changed line with the tip it exists on and its line number there. */
export interface ChangedLine {
  content: string;
  /** `-` lines exist upstream only, `+` lines in the fork only. */
  tip: 'upstream' | 'fork';
  line: number;
}

/** The hunk's `-` and `+` lines, numbered on the tip each exists on. */
export function changedLines(hunk: Hunk): ChangedLine[] {
  return numberedLines(hunk).flatMap((line): ChangedLine[] => {
    if (line.type === 'del') return [{ content: line.content, tip: 'upstream', line: line.oldNumber ?? 0 }];
    if (line.type === 'add') return [{ content: line.content, tip: 'fork', line: line.newNumber ?? 0 }];
    return [];
  });
}

/** Lines as upstream has them (context and `-`), or as the fork has them (context and `+`). */
export function sideLines(hunk: Hunk, side: 'upstream' | 'fork'): string[] {
  const skipped = side === 'upstream' ? 'add' : 'del';
  return hunk.lines.filter((line) => line.type !== skipped).map((line) => line.content);
}

export const removedLines = (hunk: Hunk): string[] =>
  hunk.lines.filter((line) => line.type === 'del').map((line) => line.content);

export const addedLines = (hunk: Hunk): string[] =>
  hunk.lines.filter((line) => line.type === 'add').map((line) => line.content);

/** The function context git prints after the second `@@`, e.g. `jobs:` or `func (s *S) Run(...)`. */
export function hunkContext(hunk: Hunk): string {
  const match = /^@@[^@]*@@ ?(.*)$/.exec(hunk.header);
  return match?.[1] ?? '';
}

/** Whitespace-insensitive form, so re-indented or re-aligned lines compare equal. */
export const normaliseLine = (line: string): string => line.trim().replace(/\s+/g, ' ');

/**
 * The line a comment hides, when it is a commented-out line (`# X`, `// X`).
 * Used to tell "commented out" (a removal that keeps the text) from plain edits.
 */
export function uncomment(line: string, markers: readonly string[] = ['#']): string | null {
  const trimmed = line.trimStart();
  for (const marker of markers) {
    if (trimmed.startsWith(marker)) return trimmed.slice(marker.length).replace(/^\s?/, '');
  }
  return null;
}

/** Marks a hunk with a non-path category once. */
export function markHunk(hunk: Hunk, category: CategoryId): void {
  if (!hunk.categories.includes(category)) hunk.categories.push(category);
}
