import type { LineSide } from '../model.js';
import type { LineFact } from './lineFacts.js';

/** Where each changed line is, in diff order: its tip and its line there (two lists, not an object per line). */
export interface Where {
  tips: LineSide[];
  lines: number[];
}

/**
 * A line the line history could not pin (its fact lists every commit that
 * touched the file) takes the commits of the nearest line of its hunk that
 * the same side changed and the history did pin: one change replaced both.
 * ckan's `return urllib.unquote(…)`, which upstream's c3c62bab replaced by
 * the line next to it, listed all twelve commits of helpers.py.
 */
export function narrowGuesses(
  all: (LineFact | null)[], where: Where, hunk: { from: number; to: number },
  guessed: WeakSet<LineFact>, facts: Record<LineSide, Map<number, LineFact>>,
): void {
  const { from, to } = hunk;
  const isGuess = (fact: LineFact | null | undefined): boolean => fact !== null && fact !== undefined && guessed.has(fact);
  let hasGuess = false;
  for (let at = from; at < to && !hasGuess; at += 1) hasGuess = isGuess(all[at]);
  if (!hasGuess) return;
  const isPinned = (fact: LineFact | null | undefined): boolean => fact !== null && fact !== undefined && !guessed.has(fact) && fact.commits.length > 0;
  // Two passes, not a search per line: a vendored file added whole is one hunk of thousands of guessed lines.
  // Right to left: the nearest pinned line after each guessed one, of its side.
  const after = new Int32Array(to - from).fill(-1);
  const nextPinned = new Map<LineSide, number>();
  for (let at = to - 1; at >= from; at -= 1) {
    const fact = all[at];
    if (!fact) continue;
    if (isPinned(fact)) nextPinned.set(fact.side, at);
    else if (isGuess(fact)) after[at - from] = nextPinned.get(fact.side) ?? -1;
  }
  // Left to right: the nearest before it (a line narrowed already counts, as the search found it), nearer wins, before on a tie.
  const lastPinned = new Map<LineSide, number>();
  for (let at = from; at < to; at += 1) {
    const fact = all[at];
    if (!fact) continue;
    if (isPinned(fact)) {
      lastPinned.set(fact.side, at);
      continue;
    }
    if (!isGuess(fact)) continue;
    const before = lastPinned.get(fact.side) ?? -1;
    const next = after[at - from] ?? -1;
    const nearAt = before !== -1 && (next === -1 || at - before <= next - at) ? before : next;
    if (nearAt === -1) continue;
    const narrowed = { side: fact.side, commits: (all[nearAt] as LineFact).commits };
    all[at] = narrowed;
    facts[where.tips[at] as LineSide].set(where.lines[at] as number, narrowed);
    lastPinned.set(fact.side, at);
  }
}
