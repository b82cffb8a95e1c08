import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shapeOf } from '../../src/classifiers/fixes/shapes.js';
import { normaliseLine } from '../../src/text/normaliseLine.js';
import { diffFixture } from '../helpers/paths.js';

const KEYWORDS = new Set(['if', 'else', 'for', 'while', 'return', 'continue', 'break', 'nil', 'null', 'None', 'undefined', 'not', 'is', 'func', 'def', 'defer', 'go', 'select', 'case', 'default', 'try', 'catch', 'except', 'raise', 'throw', 'with', 'range']);

/** What shapeOf always meant: strings, then words, then numbers, one replace each; and `->` as `.`. */
const reference = (line: string): string =>
  normaliseLine(line)
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`$]|\$(?!\{))*`/g, 's')
    .replace(/\b[A-Za-z_]\w*\b/g, (word) => (KEYWORDS.has(word) ? word : 'x'))
    .replace(/\b\d+\b/g, 'n')
    .replaceAll('->', '.');

describe('shapeOf', () => {
  it.each([
    ['a nil check', '\tif ref == nil {', 'if x == nil {'],
    ['a string next to a word (a Python f-string)', 'f"{name}"', 'x'],
    ['a string that spells a keyword with its prefix', 'i"f"', 'is'],
    ['numbers alone and inside words', 'x2 = 42 + 0x1F + 9abc', 'x = n + 0x1F + 9abc'],
    ['an unterminated string', 'say("oops', 'x("x'],
    ['escaped quotes (a string reads as a word)', "a = 'it\\'s' + \"\\\"q\\\"\"", 'x = x + x'],
    ['non-ASCII letters', 'é9 + _x1', 'én + x'],
    ['a Go raw string, and a template literal without substitutions', 'return fmt.Errorf(`unlock: %s`, err) + `a$b`', 'return x.x(x, x) + x'],
    ['a template literal with a substitution is read as code', 'to={`${ROOT}/ui`}', 'x={`${x}/x`}'],
    ["a member through a pointer (KeyDB's `g_pserver->` for redis's `server.`)", 'if (g_pserver->masterhost == NULL && g_pserver->loading) return;', 'if (x.x == x && x.x) return;'],
  ])('%s', (_name, line, shape) => {
    expect(shapeOf(line)).toBe(shape);
    expect(shapeOf(line)).toBe(reference(line));
  });

  it('equals the reference on every changed line of the bundled diffs', () => {
    const names = readdirSync(diffFixture('analysers')).map((name) => `analysers/${name}`).concat('default-prefixes.diff', 'hostile.diff', 'combined.diff');
    const lines = names
      .flatMap((name) => readFileSync(diffFixture(name), 'utf8').split('\n'))
      .filter((line) => /^[-+][^-+]/.test(line))
      .map((line) => line.slice(1));
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(shapeOf(line)).toBe(reference(line));
  });
});
