import { describe, expect, it } from 'vitest';
import { normaliseLine } from '../../src/text/normaliseLine.js';

/** What normaliseLine always meant; its fast path must give the same string. */
const reference = (line: string): string => line.trim().replace(/\s+/g, ' ');

describe('normaliseLine', () => {
  it.each([
    ['plain', 'if err != nil {'],
    ['indented', '\t\tif err != nil {  '],
    ['a tab inside', 'x :=\t1'],
    ['double spaces inside', 'return  nil'],
    ['a no-break space inside', 'a\u00a0b'],
    ['a line separator inside', 'a\u2028b'],
    ['a trailing CR', 'foo();\r'],
    ['only whitespace', ' \t '],
    ['empty', ''],
    ['single spaces only', 'a b c'],
  ])('%s', (_name, line) => expect(normaliseLine(line)).toBe(reference(line)));
});
