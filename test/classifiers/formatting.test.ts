import { describe, expect, it } from 'vitest';
import { formatterNeutral } from '../../src/classifiers/fixes/formatting.js';

describe('formatterNeutral', () => {
  it("leaves out what prettier, black and pyflakes change, and nothing else", () => {
    expect(formatterNeutral('if (!items) return [];')).toBe('if (!items) return []');
    expect(formatterNeutral("name: 'filter',")).toBe("name: 'filter'");
    expect(formatterNeutral('return items.filter((item) => {')).toBe('return items.filter(item => {');
    expect(formatterNeutral('foo(a, b, )')).toBe('foo(a, b)');
    expect(formatterNeutral('run(x, [a, b,], {c: 1,})')).toBe('run(x, [a, b], {c: 1})');
    expect(formatterNeutral('except (OSError, ValueError) as err:')).toBe('except (OSError, ValueError):');
    // Two parameters keep their parentheses; a line with nothing to change is itself.
    expect(formatterNeutral('(a, b) => a + b')).toBe('(a, b) => a + b');
    expect(formatterNeutral('if err != nil {')).toBe('if err != nil {');
  });
});
