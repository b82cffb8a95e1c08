import stringWidth from 'string-width';

/**
 * Terminal cells, not code points: a CJK character or an emoji takes two
 * columns, a combining mark none. Printable ASCII (nearly every path and
 * message) is measured by its length, so a 200,000-row table stays fast.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export const displayWidth = (text: string): number => (PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text));

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
