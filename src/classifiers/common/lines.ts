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

/** One line of one side: a hunk's context or changed line, or a line of a whole file. */
export interface SideLine {
  content: string;
  /** 1-based line number in that side's file. */
  line: number;
  /** True for a line only this side has (a `-` line upstream, a `+` line in the fork). */
  isChanged: boolean;
}

/** A hunk as one side has it: context lines and that side's changed lines, numbered in its file. */
export function sideView(hunk: Hunk, side: 'upstream' | 'fork'): SideLine[] {
  const skipped = side === 'upstream' ? 'add' : 'del';
  let number = side === 'upstream' ? hunk.oldStart : hunk.newStart;
  const view: SideLine[] = [];
  for (const line of hunk.lines) {
    if (line.type === skipped) continue;
    view.push({ content: line.content, line: number, isChanged: line.type !== 'normal' });
    number += 1;
  }
  return view;
}

/**
 * A whole file as side lines; `changed` holds the line numbers the diff
 * shows as changed on this side, so a whole-file reading still knows which
 * lines moved.
 */
export function wholeView(text: string, changed: ReadonlySet<number> = new Set()): SideLine[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((content, index) => ({ content: content.replace(/\r$/, ''), line: index + 1, isChanged: changed.has(index + 1) }));
}

/** The line numbers of each side's changed lines over all hunks of a file. */
export function changedLineNumbers(hunks: readonly Hunk[]): Record<'upstream' | 'fork', Set<number>> {
  const numbers = { upstream: new Set<number>(), fork: new Set<number>() };
  for (const hunk of hunks) for (const { tip, line } of changedLines(hunk)) numbers[tip].add(line);
  return numbers;
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
