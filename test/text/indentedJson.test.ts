import { describe, expect, it } from 'vitest';
import { indentedJson } from '../../src/text/indentedJson.js';

describe('indentedJson', () => {
  it('is JSON.stringify(value, null, 2) indented for its depth, whatever the value', () => {
    const values: unknown[] = [[], {}, [1], 'x', null, { a: [1, { b: 'c\nd' }], e: [] }, [[[]], { f: { g: [true] } }]];
    for (const value of values) {
      for (const depth of [0, 1, 3, 5]) expect(indentedJson(value, depth)).toBe(JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`));
    }
  });
});

