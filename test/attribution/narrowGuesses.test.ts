import { describe, expect, it } from 'vitest';
import { narrowGuesses } from '../../src/attribution/guessedLines.js';
import type { Where } from '../../src/attribution/guessedLines.js';
import type { LineFact } from '../../src/attribution/lineFacts.js';
import type { LineSide } from '../../src/model.js';

/** The search narrowGuesses replaced: per guessed line, the nearest accepted line of its hunk, before it first. */
function searchPerLine(all: (LineFact | null)[], hunk: { from: number; to: number }, guessed: WeakSet<LineFact>): void {
  const nearest = (at: number, accepts: (fact: LineFact) => boolean): LineFact | null => {
    const taken = (index: number): LineFact | null => {
      const fact = index >= hunk.from && index < hunk.to ? all[index] ?? null : null;
      return fact && accepts(fact) ? fact : null;
    };
    for (let distance = 1; at - distance >= hunk.from || at + distance < hunk.to; distance += 1) {
      const fact = taken(at - distance) ?? taken(at + distance);
      if (fact) return fact;
    }
    return null;
  };
  for (let at = hunk.from; at < hunk.to; at += 1) {
    const fact = all[at];
    if (!fact || !guessed.has(fact)) continue;
    const near = nearest(at, (other) => other.side === fact.side && !guessed.has(other) && other.commits.length > 0);
    if (near) all[at] = { side: fact.side, commits: near.commits };
  }
}

/** A small deterministic generator, so a failure names its case. */
const random = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

describe('narrowGuesses', () => {
  it('narrows each guessed line as a search from it would, in two passes', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const next = random(seed);
      const length = 1 + Math.floor(next() * 40);
      const guessed = new WeakSet<LineFact>();
      const all: (LineFact | null)[] = [];
      const where: Where = { tips: [], lines: [] };
      for (let at = 0; at < length; at += 1) {
        const roll = next();
        const side: LineSide = next() < 0.5 ? 'upstream' : 'fork';
        where.tips.push(side);
        where.lines.push(at + 1);
        if (roll < 0.15) { all.push(null); continue; }
        const fact = { side, commits: roll < 0.25 ? [] : [`c${Math.floor(next() * 5)}`] };
        if (roll > 0.55) guessed.add(fact);
        all.push(fact);
      }
      const from = Math.floor(next() * Math.min(3, length));
      const hunk = { from, to: length - Math.floor(next() * Math.min(3, length - from)) };
      const original = [...all];
      const expected = [...all];
      searchPerLine(expected, hunk, guessed);
      const facts: Record<LineSide, Map<number, LineFact>> = { upstream: new Map(), fork: new Map() };
      narrowGuesses(all, where, hunk, guessed, facts);
      expect(all.map((fact) => fact && [fact.side, fact.commits]), `seed ${seed}`).toEqual(expected.map((fact) => fact && [fact.side, fact.commits]));
      // Each narrowed line is its tip's fact too, and only those are.
      const narrowed = all.flatMap((fact, at) => (fact === original[at] ? [] : [[where.tips[at], where.lines[at], fact]]));
      expect([...facts.upstream].map(([line, fact]) => ['upstream', line, fact]).concat([...facts.fork].map(([line, fact]) => ['fork', line, fact]))
        .sort((a, b) => Number(a[1]) - Number(b[1])), `seed ${seed}`).toEqual(narrowed);
    }
  });

  it('narrows every guessed line of a long hunk from its one pinned line, however far', () => {
    // A vendored file added whole is one hunk of guessed lines (no line history follows vendored trees).
    const guessed = new WeakSet<LineFact>();
    const all: (LineFact | null)[] = Array.from({ length: 20_000 }, (_, at) => {
      const fact = { side: 'fork' as const, commits: at === 19_999 ? ['pinned'] : ['a', 'b'] };
      if (at !== 19_999) guessed.add(fact);
      return fact;
    });
    const where: Where = { tips: all.map(() => 'fork'), lines: all.map((_, at) => at + 1) };
    const facts: Record<LineSide, Map<number, LineFact>> = { upstream: new Map(), fork: new Map() };
    narrowGuesses(all, where, { from: 0, to: all.length }, guessed, facts);
    expect(all.every((fact) => fact?.commits[0] === 'pinned')).toBe(true);
    expect(facts.fork.size).toBe(19_999);
  });
});
