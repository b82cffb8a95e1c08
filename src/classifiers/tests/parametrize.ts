// pytest parametrize ids (https://docs.pytest.org/en/stable/how-to/parametrize.html, "ids"): each case of
// `@pytest.mark.parametrize(names, values, ids=…)` runs as `test_fn[id]`; a value dropped from the list is a case removed.

import { oncePer } from '../../multiMap.js';
import { normaliseLine } from '../../text/normaliseLine.js';

const OPENER = /^\s*@(?:pytest\.)?(?:mark\.)?parametrize\s*\(/;

/** One case: its id and the indices of the lines its element (or its entry in `ids=`) spans. */
export interface ParametrizeCase {
  id: string;
  lines: number[];
}

/** A parametrize decorator in a run of lines: where it ends, and its cases. */
export interface Parametrize {
  start: number;
  end: number;
  cases: ParametrizeCase[];
}

interface Piece {
  text: string;
  /** Line index of each character of `text`. */
  at: number[];
}

/** The top-level comma-separated parts of `piece` between brackets, with their line spans. */
function split(piece: Piece): Piece[] {
  const parts: Piece[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current: Piece = { text: '', at: [] };
  for (let index = 0; index < piece.text.length; index += 1) {
    const char = piece.text[index] ?? '';
    if (quote) {
      if (char === '\\') {
        current.text += char + (piece.text[index + 1] ?? '');
        current.at.push(piece.at[index] ?? 0, piece.at[index + 1] ?? 0);
        index += 1;
        continue;
      }
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(current);
      current = { text: '', at: [] };
      continue;
    }
    current.text += char;
    current.at.push(piece.at[index] ?? 0);
  }
  parts.push(current);
  return parts.filter((part) => part.text.trim() !== '');
}

/** The inside of a bracketed piece (`[a, b]` → `a, b`), or null when it is not one. */
function inner(piece: Piece): Piece | null {
  const start = piece.text.search(/\S/);
  const end = piece.text.trimEnd().length - 1;
  if (start === -1 || !'([{'.includes(piece.text[start] ?? '') || !')]}'.includes(piece.text[end] ?? '')) return null;
  return { text: piece.text.slice(start + 1, end), at: piece.at.slice(start + 1, end) };
}

const STRING = /^\s*[rbuf]*(["'])((?:\\.|(?!\1).)*)\1\s*$/i;
const LITERAL = /^\s*(-?\d[\d_.eE+-]*|True|False|None)\s*$/;

/**
 * pytest's id of one value: a string's text, a number or constant as
 * written. Any other value gets pytest's positional id (`x0`), which shifts
 * when an earlier case is dropped, so it is named by its source instead.
 */
function valueId(text: string): string {
  const string = STRING.exec(text);
  if (string) return string[2] ?? '';
  if (LITERAL.test(text)) return text.trim();
  const source = normaliseLine(text);
  return source.length > 60 ? `${source.slice(0, 57)}...` : source;
}

/** The lines an element is written on (its own characters, not the line breaks and indentation around it). */
const lineSpan = (piece: Piece): number[] => [...new Set(piece.at.filter((_, index) => !/\s/.test(piece.text[index] ?? '')))];

/** The piece from character `from` on. */
const rest = (piece: Piece, from: number): Piece => ({ text: piece.text.slice(from), at: piece.at.slice(from) });

/** The value of a keyword argument (`ids=[…]`, `id="x"`), or null when the part is no `name=` argument. */
function keyword(part: Piece, name: string): Piece | null {
  const match = new RegExp(`^\\s*${name}\\s*=\\s*`).exec(part.text);
  return match ? rest(part, match[0].length) : null;
}

/** The id of one element of the values list, given how many names it binds. */
function caseId(element: Piece, names: number): string {
  const param = /^\s*pytest\.param\s*\(/.test(element.text) ? inner(rest(element, element.text.indexOf('('))) : null;
  if (param) {
    const parts = split(param);
    const explicit = parts.map((part) => keyword(part, 'id')).find((value) => value !== null);
    if (explicit) return valueId(explicit.text);
    return parts.filter((part) => !/^\s*\w+\s*=/.test(part.text)).map((part) => valueId(part.text)).join('-');
  }
  const tuple = names > 1 ? inner(element) : null;
  return tuple ? split(tuple).map((part) => valueId(part.text)).join('-') : valueId(element.text);
}

/**
 * Reads the parametrize decorator that starts at `start` (its opener line),
 * through the line where its parentheses close; null when they do not close
 * within `lines` (the decorator runs out of view).
 */
export function readParametrize(lines: readonly string[], start: number): Parametrize | null {
  if (!OPENER.test(lines[start] ?? '')) return null;
  const piece: Piece = { text: '', at: [] };
  let depth = 0;
  for (let index = start; index < lines.length; index += 1) {
    const line = `${(lines[index] ?? '').replace(/(^|\s)#.*$/, '')}\n`;
    for (const char of line) {
      piece.text += char;
      piece.at.push(index);
      if (char === '(') depth += 1;
      if (char === ')') depth -= 1;
    }
    if (depth === 0 && piece.text.includes('(')) return { start, end: index, cases: casesOf(piece) };
  }
  return null;
}

function casesOf(decorator: Piece): ParametrizeCase[] {
  const open = decorator.text.indexOf('(');
  const args = inner({ text: decorator.text.slice(open), at: decorator.at.slice(open) });
  if (!args) return [];
  const [names, values, ...options] = split(args).map((part) => keyword(part, 'argnames') ?? keyword(part, 'argvalues') ?? part);
  const list = values ? inner(values) : null;
  if (!names || !list) return [];
  // `"a, b"` or `("a", "b")`: how many values each element binds.
  const nameCount = (STRING.exec(names.text)?.[2] ?? '').split(',').filter((name) => name.trim() !== '').length || split(inner(names) ?? names).length;
  const idsList = options.map((part) => keyword(part, 'ids')).find((value) => value !== null);
  const ids = idsList ? split(inner(idsList) ?? { text: '', at: [] }) : [];
  return split(list).map((element, index) => {
    const explicit = ids[index];
    const id = explicit && STRING.test(explicit.text) ? valueId(explicit.text) : caseId(element, nameCount);
    return { id, lines: [...lineSpan(element), ...(explicit ? lineSpan(explicit) : [])] };
  });
}

/** How far above a line its decorator's opener is looked for. */
const MAX_DECORATOR_LINES = 200;

/** What one run of lines says about its decorators, worked out once: every changed line of a test file asks. */
interface Decorators {
  /** Per line, the nearest opener line at or above it; -1 when there is none. */
  openerAbove: Int32Array;
  /** Each opener's decorator, read the first time a line asks for it. */
  read: Map<number, Parametrize | null>;
}

/** Once per run of lines, keyed by the lines themselves: a segment's lines are made once and never changed (they are `readonly` here). */
const decoratorsIn = oncePer((lines: readonly string[]): Decorators => {
  const openerAbove = new Int32Array(lines.length);
  let opener = -1;
  for (let index = 0; index < lines.length; index += 1) {
    if (OPENER.test(lines[index] ?? '')) opener = index;
    openerAbove[index] = opener;
  }
  return { openerAbove, read: new Map() };
});

/**
 * The parametrize decorator whose extent covers `index`: the nearest opener
 * at or above it (within MAX_DECORATOR_LINES), when that one reaches down
 * to `index`. Each line used to search upwards, regex by regex, and re-read
 * the decorator it found: a new test file of thousands of lines paid that
 * per changed line.
 */
export function parametrizeAt(lines: readonly string[], index: number): Parametrize | null {
  if (index < 0 || lines.length === 0) return null;
  const decorators = decoratorsIn(lines);
  const start = decorators.openerAbove[Math.min(index, lines.length - 1)] ?? -1;
  if (start === -1 || start <= index - MAX_DECORATOR_LINES) return null;
  let decorator = decorators.read.get(start);
  if (decorator === undefined) {
    decorator = readParametrize(lines, start);
    decorators.read.set(start, decorator);
  }
  return decorator && decorator.end >= index ? decorator : null;
}

/** Is `index` inside a parametrize decorator that opens above the view (a hunk that cannot see its start)? */
export const looksLikeParametrizeElement = (line: string): boolean => /^\s+(?:pytest\.param\(|[([{"'\d-]|True|False|None)/.test(line);
