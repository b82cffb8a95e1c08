import { normaliseLine } from './normaliseLine.js';

/**
 * Where each of `keys` (normalised lines, see normaliseLine) first is in
 * `text`, by 1-based line number; `onRepeat` hears of each later one, and where. The
 * same as normalising every line of `text` and looking it up, without
 * doing so: a line is normalised only when its first and last characters
 * past whitespace (which normalising keeps) are some key's. A fork's whole
 * files are read this way for a handful of lines each.
 */
export function findLines(text: string, keys: ReadonlySet<string>, onRepeat?: (key: string, line: number) => void): Map<string, number> {
  const found = new Map<string, number>();
  const ends = new Set<number>();
  for (const key of keys) if (key !== '') ends.add(endsOf(key, 0, key.length - 1));
  const hasBlank = keys.has('');
  let number = 1;
  for (let start = 0; start <= text.length; number += 1) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let first = start;
    while (first < end && isTrimmed(text.charCodeAt(first))) first += 1;
    let last = end - 1;
    while (last >= first && isTrimmed(text.charCodeAt(last))) last -= 1;
    const isCandidate = last < first ? hasBlank : ends.has(endsOf(text, first, last));
    if (isCandidate) {
      const key = last < first ? '' : normaliseLine(text.slice(first, last + 1));
      if (keys.has(key)) {
        if (!found.has(key)) found.set(key, number);
        else onRepeat?.(key, number);
      }
    }
    start = end + 1;
  }
  return found;
}

const endsOf = (text: string, first: number, last: number): number => text.charCodeAt(first) * 65_536 + text.charCodeAt(last);

/** What String.prototype.trim removes: ECMAScript's WhiteSpace and LineTerminator code points. */
const isTrimmed = (code: number): boolean =>
  code === 32 || (code >= 9 && code <= 13) ||
  (code >= 0xa0 && (code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff));
