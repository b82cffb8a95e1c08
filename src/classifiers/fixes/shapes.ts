// Line shapes: a line with its identifiers, numbers and literals blanked, so that a rename reads as the same
// line (evidence.ts compares upstream's missing lines with the shapes of the fork's lines beside them).
import { normaliseLine } from '../../text/normaliseLine.js';
import { formatterNeutralStatement } from './formatting.js';

/** A line with identifiers and literals blanked, so a rename reads as the same line. */
export const shapeOf = (line: string): string => shapeOfNormalised(normaliseLine(line));

/**
 * shapeOf for a line already normalised. Strings become `s` first, which the
 * word pass then reads as part of a word (`f"{x}"` is one word); a Go raw
 * string or a JavaScript template literal without `${…}` between backquotes
 * is a string too (opentofu rewrote terraform's Go error messages from backquotes to double
 * quotes as it wrapped their errors), and `->` is `.`.
 */
export const shapeOfNormalised = (text: string): string => {
  const words = blankWords(text.includes('"') || text.includes("'") || text.includes('`') ? text.replace(STRING_LITERAL, 's') : text);
  // A member through a pointer is a member: KeyDB turned redis's global `server.` into `g_pserver->`.
  return words.includes('->') ? words.replaceAll('->', '.') : words;
};

// A template literal with `${…}` in it is code as much as text (a route built from its parts): not a string here.
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`$]|\$(?!\{))*`/g;

/**
 * A Go line with its errors' `.Error()` calls left out: a fork that wraps an
 * error (`fmt.Errorf("get token: %s", err.Error())` → `fmt.Errorf("get token:
 * %w", err)`, as errorlint asks) kept the handling, and the format strings
 * are alike as shapes. Only upstream's line is read so: a fork line that
 * keeps its `.Error()` is no rename of an upstream line without one
 * (buildkit's `Warning("…" + err.Error())` beside a removed `Warning("…" + tag)`).
 */
export const withoutErrorCalls = (text: string): string => (text.includes('.Error()') ? text.replaceAll('.Error()', '') : text);

/** ASCII letters, digits and `_`: what `\w` matches (and `\b` borders) without the `u` flag. */
const isWordChar = (code: number): boolean => (code >= 97 ? code <= 122 : code >= 65 ? code <= 90 || code === 95 : code >= 48 && code <= 57);
const CHAR_9 = 57;

/**
 * Each run of word characters: a word starting with a letter or `_` as `x`
 * (keywords kept), a run of digits as `n`, a run starting with a digit that
 * is not all digits (`0x1F`) kept. The same as `/\b[A-Za-z_]\w*\b/` then
 * `/\b\d+\b/` replaced in turn, in one scan: every changed line of a diff
 * is shaped, and the two replaces with a callback were most of the time.
 */
function blankWords(text: string): string {
  let shape = '';
  let index = 0;
  while (index < text.length) {
    const start = index;
    const first = text.charCodeAt(index);
    if (!isWordChar(first)) {
      do index += 1;
      while (index < text.length && !isWordChar(text.charCodeAt(index)));
      shape += text.slice(start, index);
      continue;
    }
    let isNumber = true;
    for (; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (!isWordChar(code)) break;
      if (code > CHAR_9) isNumber = false;
    }
    if (first > CHAR_9) {
      const word = text.slice(start, index);
      shape += KEYWORDS.has(word) ? word : 'x';
    } else shape += isNumber ? 'n' : text.slice(start, index);
  }
  return shape;
}

const KEYWORDS = new Set(['if', 'else', 'for', 'while', 'return', 'continue', 'break', 'nil', 'null', 'None', 'undefined', 'not', 'is', 'func', 'def', 'defer', 'go', 'select', 'case', 'default', 'try', 'catch', 'except', 'raise', 'throw', 'with', 'range']);

/**
 * Below this length a shape says too little to stand for another line
 * formatted otherwise: `"…",` is `s` without its comma, as every lone string is.
 */
const MIN_NEUTRAL_SHAPE = 4;

/** The line as a formatter could have left it (formatting.ts) and its shape, when that form differs and its shape says enough; null otherwise. */
export const formattedShapeOf = (line: string): { text: string; shape: string } | null => {
  const text = formatterNeutralStatement(line);
  if (text === line) return null;
  const shape = shapeOfNormalised(text);
  return shape.length >= MIN_NEUTRAL_SHAPE ? { text, shape } : null;
};

/** A line's shape and, when a formatter could have left it otherwise, that form's shape too, where it says enough. */
export const shapesOf = (line: string): string[] => {
  const formatted = formattedShapeOf(line);
  return formatted === null ? [shapeOfNormalised(line)] : [shapeOfNormalised(line), formatted.shape];
};
