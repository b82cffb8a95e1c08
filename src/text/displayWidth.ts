import stringWidth from 'string-width';

/**
 * Characters one cell wide on their own that never join a neighbour into one
 * grapheme: printable ASCII, Latin-1 and the other Latin and IPA letters (the
 * soft hyphen aside), general punctuation (dashes, `…`) without its
 * zero-width and direction marks, arrows, mathematical operators (`−`) and
 * box drawing. A test checks every one against string-width.
 */
export const NARROW_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e], [0xa0, 0xac], [0xae, 0x2ff], [0x2010, 0x2027], [0x2030, 0x205e], [0x2190, 0x22ff], [0x2500, 0x257f],
];

const hex = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;
const NARROW_ONLY = new RegExp(`^[${NARROW_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]*$`);

/**
 * Terminal cells, not code points: a CJK character or an emoji takes two
 * columns, a combining mark none. Text made only of narrow characters (every
 * path, and messages with their arrows, dashes and ellipses) is measured by
 * its length, so a 200,000-row table stays fast; string-width, about a
 * hundred times slower, measures the rest.
 */
export const displayWidth = (text: string): number => (NARROW_ONLY.test(text) ? text.length : stringWidth(text));

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** A word too wide for its column, broken between graphemes (never inside one: an emoji stays whole). */
function breakGraphemes(word: string, width: number, pieces: string[]): void {
  let piece = '';
  let pieceWidth = 0;
  for (const { segment } of segmenter.segment(word)) {
    const cells = displayWidth(segment);
    if (pieceWidth + cells > width && piece !== '') {
      pieces.push(piece);
      piece = '';
      pieceWidth = 0;
    }
    piece += segment;
    pieceWidth += cells;
  }
  if (piece !== '') pieces.push(piece);
}

/** A word too wide for its column: a path breaks after a `/` where it can, anything else between graphemes. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const part of word.split(/(?<=\/)/)) {
    if (displayWidth(piece + part) <= width) {
      piece += part;
      continue;
    }
    if (piece !== '') pieces.push(piece);
    piece = '';
    if (displayWidth(part) <= width) piece = part;
    else {
      breakGraphemes(part, width, pieces);
      piece = pieces.pop() ?? '';
    }
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * `text` as lines no wider than `width`: broken at spaces where it can be,
 * inside a word only when the word alone is wider. Nothing is dropped, so a
 * finding's message is never cut, only wrapped.
 */
export function wrapText(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const word of text.split(' ')) {
    const wordWidth = displayWidth(word);
    const gap = line === '' ? 0 : 1;
    if (lineWidth + gap + wordWidth <= width) {
      line += (gap ? ' ' : '') + word;
      lineWidth += gap + wordWidth;
      continue;
    }
    if (line !== '') lines.push(line);
    if (wordWidth <= width) {
      line = word;
      lineWidth = wordWidth;
      continue;
    }
    const pieces = breakWord(word, Math.max(1, width));
    // A loop, not push(...pieces): a megabyte-long word must not overflow the call stack.
    for (let index = 0; index < pieces.length - 1; index += 1) lines.push(pieces[index] ?? '');
    line = pieces.at(-1) ?? '';
    lineWidth = displayWidth(line);
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
