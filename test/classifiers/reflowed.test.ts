import { describe, expect, it } from 'vitest';
import { MAX_STREAM_CHARS, reflowedLines } from '../../src/classifiers/fixes/reflowed.js';
import type { Hunk } from '../../src/model.js';

const hunkOf = (lines: string[]): Hunk => ({ lines: lines.map((line) => ({ type: line[0] === '+' ? 'add' : line[0] === '-' ? 'del' : 'normal', content: line.slice(1) })) }) as Hunk;
const forkLines = (hunk: Hunk): string[] => hunk.lines.filter((line) => line.type === 'add').map((line) => line.content.trim());

describe('reflowedLines', () => {
  it('finds upstream lines the fork joined into one, by their index in the hunk', () => {
    const hunk = hunkOf(['-  const total = items', '-    .map((item) => item.price)', '-    .reduce((sum, price) => sum + price, 0);', '+  const total = items.map((item) => item.price).reduce((sum, price) => sum + price, 0);']);
    expect([...reflowedLines(hunk, forkLines(hunk))]).toEqual([0, 1, 2]);
  });

  it('reads none in a hunk whose fork lines run past MAX_STREAM_CHARS: a rewrite, and quadratic to search', () => {
    const filler = Array.from({ length: Math.ceil(MAX_STREAM_CHARS / 30) }, (_, index) => `+  const value${index} = compute(${index}, alpha, beta);`);
    const hunk = hunkOf(['-  const total = items', '-    .map((item) => item.price);', '+  const total = items.map((item) => item.price);', ...filler]);
    expect(reflowedLines(hunk, forkLines(hunk)).size).toBe(0);
    const small = hunkOf(['-  const total = items', '-    .map((item) => item.price);', '+  const total = items.map((item) => item.price);', ...filler.slice(0, 10)]);
    expect(reflowedLines(small, forkLines(small)).size).toBe(2);
  });
});
