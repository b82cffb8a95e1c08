// A block guard the fork narrowed with another test: upstream `if (p != NULL) {`, fork `if (n && p != NULL) {`.
import { andClauses, isExtendedBy } from './droppedClauses.js';
import type { Clauses } from './droppedClauses.js';

/** A value or a member chain: `p`, `n->slot_info_pairs`, `self.items[0]`. */
export const OPERAND = String.raw`[\w.>\[\]-]+`;

/** A value, or what a call of one with plain arguments gives: `p`, `len(rc.ExtraPath)`, `THPGetAnonHugePagesSize()`. */
export const VALUE = String.raw`${OPERAND}(?:\([^()]*\))?`;

/** A test that passes only when its value is there: `p != NULL`, `p != nil`, `x > 0`, `len(x) > 0`, or the value itself (truthy). */
const IS_PRESENCE = new RegExp(String.raw`^(?:${VALUE}\s*!==?\s*(?:NULL|nil|None|null|nullptr|undefined|0)|${VALUE}\s*>\s*0|${OPERAND}|${OPERAND}\s+is\s+not\s+None)$`);

/** Opens a block: `{` (C, Go, JS) or `:` (Python) ends the line. */
const OPENS_BLOCK = /(?:\{|:)$/;

/** The fork's conditionals among some of its lines (evidence.ts gives a file's `+` lines), by their `&&` clauses. */
export const forkConjunctions = (forkOnly: readonly string[]): Clauses[] => forkOnly.map(andClauses).filter((parsed) => parsed !== null);

/**
 * Is an upstream-only line a block guard the fork kept, narrowed? It opens a
 * block that runs only when each of its `&&` tests finds a value present,
 * and a fork conditional of the same keyword (anywhere in the file: the
 * fork often moves the block too) tests all of them and more: that block
 * runs no more often in the fork, so nothing it guards lost its guard
 * (valkey: `if (n->slot_info_pairs != NULL) {` →
 * `if (n && n->slot_info_pairs != NULL) {`). An early exit narrowed so
 * (`if (p == NULL) {` → `if (strict && p == NULL) {`) exits less often: that
 * is no presence test, and still missing.
 */
export function isNarrowedBlockGuard(line: string, fork: readonly Clauses[]): boolean {
  if (!OPENS_BLOCK.test(line)) return false;
  const upstream = andClauses(line);
  if (!upstream || !upstream.clauses.every((clause) => IS_PRESENCE.test(clause))) return false;
  return fork.some((each) => isExtendedBy(upstream, each));
}
