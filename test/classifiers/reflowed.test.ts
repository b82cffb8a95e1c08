import { describe, expect, it } from 'vitest';
import { MAX_STREAM_CHARS, reflowedLines } from '../../src/classifiers/fixes/reflowed.js';
import { normaliseLine } from '../../src/text/normaliseLine.js';

/** A hunk's lines as reflowedLines takes them: `-` lines in place (null for the rest), `+` lines apart; normalised. */
const hunkOf = (lines: string[]) => ({
  removed: lines.map((line) => (line.startsWith('-') ? normaliseLine(line.slice(1)) : null)),
  forkOnly: lines.filter((line) => line.startsWith('+')).map((line) => normaliseLine(line.slice(1))),
});

describe('reflowedLines', () => {
  it('finds upstream lines the fork joined into one, by their index in the hunk', () => {
    const hunk = hunkOf(['-  const total = items', '-    .map((item) => item.price)', '-    .reduce((sum, price) => sum + price, 0);', '+  const total = items.map((item) => item.price).reduce((sum, price) => sum + price, 0);']);
    expect([...reflowedLines(hunk.removed, hunk.forkOnly)]).toEqual([0, 1, 2]);
  });

  it('reads none in a hunk whose fork lines run past MAX_STREAM_CHARS: a rewrite, and quadratic to search', () => {
    const filler = Array.from({ length: Math.ceil(MAX_STREAM_CHARS / 30) }, (_, index) => `+  const value${index} = compute(${index}, alpha, beta);`);
    const hunk = hunkOf(['-  const total = items', '-    .map((item) => item.price);', '+  const total = items.map((item) => item.price);', ...filler]);
    expect(reflowedLines(hunk.removed, hunk.forkOnly).size).toBe(0);
    const small = hunkOf(['-  const total = items', '-    .map((item) => item.price);', '+  const total = items.map((item) => item.price);', ...filler.slice(0, 10)]);
    expect(reflowedLines(small.removed, small.forkOnly).size).toBe(2);
  });
});
