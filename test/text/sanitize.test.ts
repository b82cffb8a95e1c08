import { describe, expect, it } from 'vitest';
import { defuseWorkflowCommands, sanitizeCodeLine, toSingleLine } from '../../src/text/sanitize.js';

describe('toSingleLine', () => {
  it.each([
    ['plain/path.go', 'plain/path.go'],
    ['a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['esc\u001b[2J bell\u0007 del\u007f nel\u0085', 'esc\\x1b[2J bell\\x07 del\\x7f nel\\x85'],
    ['src/ma\u200bin.go', 'src/ma\\u200bin.go'],
    ['zw\u200c\u200d wj\u2060 bom\ufeff shy\u00ad', 'zw\\u200c\\u200d wj\\u2060 bom\\ufeff shy\\xad'],
    ['ls\u2028ps\u2029', 'ls\\u2028ps\\u2029'],
    ['bidi\u202e\u2066\u200f', 'bidi\\u202e\\u2066\\u200f'],
    ['tag\u{e0041}', 'tag\\u{e0041}'],
    ['filler\u3164', 'filler\\u3164'],
    ['café 日本 😀', 'café 日本 😀'],
  ])('%j → %j', (text, shown) => {
    expect(toSingleLine(text)).toBe(shown);
  });
});

describe('defuseWorkflowCommands', () => {
  it.each([
    ['::stop-commands::pwned', '\\x3a:stop-commands::pwned'],
    ['  \t::warning title=x::y', '  \t\\x3a:warning title=x::y'],
    ['a ::warning::y', 'a ::warning::y'],
    [':single', ':single'],
    ['x ##[add-mask]secret ##[y', 'x ##\\x5badd-mask]secret ##\\x5by'],
  ])('%j → %j', (text, defused) => {
    expect(defuseWorkflowCommands(text)).toBe(defused);
  });

  it('applies to every sanitised line, after invisible leading characters are shown', () => {
    expect(toSingleLine('\u2028::error::x')).toBe('\\u2028::error::x');
    expect(toSingleLine('\u00a0::error::x')).toBe('\u00a0\\x3a:error::x');
    expect(sanitizeCodeLine(' \t::add-mask::secret')).toBe(' \t\\x3a:add-mask::secret');
  });
});

describe('sanitizeCodeLine', () => {
  it('keeps tabs, shows CR and LF by name and other unsafe characters as escapes', () => {
    expect(sanitizeCodeLine('\tfirst\r')).toBe('\tfirst\\r');
    expect(sanitizeCodeLine('a\u001b[31mb\u200b')).toBe('a\\x1b[31mb\\u200b');
  });
});
