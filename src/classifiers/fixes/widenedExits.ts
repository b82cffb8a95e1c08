// A block for a missing value the fork enters in more cases: upstream `if z == nil {`, fork `if !ok || z == nil {`.
import { isExtendedBy, orClauses } from './droppedClauses.js';
import type { Clauses } from './droppedClauses.js';
import { OPERAND, VALUE } from './narrowedGuards.js';

/**
 * A test that passes when a value is missing or an error is there: `p == NULL`,
 * `z == nil`, `x is None`, `!p`, `not p`, `len(k) == 0`, `s.length === 0`,
 * `!parse(x)`, `err != nil`.
 */
const IS_ABSENCE = new RegExp(
  String.raw`^(?:${VALUE}\s*===?\s*(?:NULL|nil|None|null|nullptr|undefined|0)|${OPERAND}\s+is\s+None|(?:!\s*|not\s+)${VALUE}|\w*[eE]rr\w*\s*!=\s*nil)$`,
);

/** Opens a block: `{` (C, Go, JS) or `:` (Python) ends the line. */
const OPENS_BLOCK = /(?:\{|:)$/;

/** The fork's conditionals among some of its lines (evidence.ts gives a file's `+` lines), by their `||` clauses. */
export const forkDisjunctions = (forkOnly: readonly string[]): Clauses[] =>
  forkOnly.map(orClauses).filter((parsed): parsed is Clauses => parsed !== null && parsed.clauses.length > 1);

/**
 * Is an upstream-only line a block for a missing value (an exit, a fallback)
 * that the fork kept, widened? Each of its `||` tests passes when a value is
 * missing or an error is there, and a fork conditional of the same keyword
 * (anywhere in the file, as narrowedGuards.ts reads) tests all of them and
 * more: the fork takes that block in every case upstream does, so the check
 * the finding would name is still there (coredns: `if z == nil {` →
 * `if !ok || z == nil {`). Widened the other way, a block that runs when a
 * value is there (`if (p != NULL) {` → `if (p != NULL || force) {`) runs
 * where upstream's guard kept it out: still missing. A one-line guard
 * (`if (p == NULL) return;`) is not read: its condition is not the line's
 * end.
 */
export function isWidenedExit(line: string, forkOf: () => readonly Clauses[]): boolean {
  if (!OPENS_BLOCK.test(line)) return false;
  const upstream = orClauses(line);
  if (!upstream || !upstream.clauses.every((clause) => IS_ABSENCE.test(clause))) return false;
  // The fork's conditionals are read only for a line that can be such a block (a file's worth, once: evidence.ts).
  return forkOf().some((each) => isExtendedBy(upstream, each));
}
