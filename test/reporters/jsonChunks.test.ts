import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDiffText } from '../../src/diff/parse.js';
import { jsonChunks } from '../../src/reporters/jsonChunks.js';
import { diffFixture } from '../helpers/paths.js';

const streamed = (value: unknown, depth = 3): string => [...jsonChunks(value, depth)].join('');

describe('jsonChunks: JSON.stringify(value, null, 2) as a stream', () => {
  it.each([
    ['scalars', [1, 'two', true, null, 0.5, -3]],
    ['empty containers', { a: [], b: {}, c: [[], {}], d: '' }],
    ['nesting past the streaming depth', { a: { b: { c: { d: { e: [1, { f: 'g' }] } } } } }],
    ['undefined and functions', { a: undefined, b: () => 1, c: [undefined, 1] }],
    ['strings with newlines and quotes', { 'we"ird\nkey': 'line\nbreak "quoted" \u001b' }],
  ])('%s', (_name, value) => {
    for (const depth of [0, 1, 2, 5]) expect(streamed(value, depth)).toBe(JSON.stringify(value, null, 2));
  });

  it('a whole parsed diff', async () => {
    const { files } = await parseDiffText(readFileSync(diffFixture('default-prefixes.diff'), 'utf8'));
    const document = { schemaVersion: 1, reports: [{ files, notices: ['x'] }] };
    expect(streamed(document, 4)).toBe(JSON.stringify(document, null, 2));
    expect([...jsonChunks(document, 4)].length).toBeGreaterThan(20);
  });
});
