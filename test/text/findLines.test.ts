import { describe, expect, it } from 'vitest';
import { findLines } from '../../src/text/findLines.js';
import { normaliseLine } from '../../src/text/normaliseLine.js';

/** What findLines replaced: every line normalised and looked up. */
function naive(text: string, keys: ReadonlySet<string>): { found: Map<string, number>; repeats: string[] } {
  const found = new Map<string, number>();
  const repeats: string[] = [];
  // Each repeat with where it is.
  text.split('\n').forEach((line, at) => {
    const key = normaliseLine(line);
    if (!keys.has(key)) return;
    if (!found.has(key)) found.set(key, at + 1);
    else repeats.push(`${key}@${at + 1}`);
  });
  return { found, repeats };
}

describe('findLines', () => {
  it('finds the first line of each key, whitespace aside, and hears of the repeats and where they are', () => {
    const repeats: [string, number][] = [];
    const text = 'if (x == NULL) {\n\t\treturn -1;\n}\n  if  (x == NULL)  {\r\nreturn 0;\n';
    expect(findLines(text, new Set(['if (x == NULL) {', 'return -1;', 'missing line']), (key, line) => repeats.push([key, line]))).toEqual(new Map([['if (x == NULL) {', 1], ['return -1;', 2]]));
    expect(repeats).toEqual([['if (x == NULL) {', 4]]);
  });

  it('answers as normalising every line would, for any whitespace trim removes', () => {
    // A seeded generator, so a failure can be replayed.
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const spaces = [' ', '  ', '\t', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028', '\u180e', ''];
    const words = ['return', 'nil', 'x', '{', '}', 'if', 'err', '!=', '"a b"', '😀', 'é'];
    for (let round = 0; round < 200; round += 1) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 30) }, () =>
        Array.from({ length: Math.floor(next() * 5) }, () => pick(spaces) + pick(words) + pick(spaces)).join(pick(spaces)));
      const text = lines.join('\n') + (next() < 0.5 ? '\n' : '');
      const keys = new Set([...lines.filter(() => next() < 0.4).map(normaliseLine), 'return nil', ...(next() < 0.3 ? [''] : [])]);
      const repeats: string[] = [];
      const expected = naive(text, keys);
      expect({ round, found: findLines(text, keys, (key, line) => repeats.push(`${key}@${line}`)), repeats }).toEqual({ round, ...expected });
    }
  });
});
