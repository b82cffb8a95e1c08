// A guard the fork narrowed: upstream `if !ok || next == last {`, fork `if !ok {`.

/** `if`, `else if`, `elif`, `while` (and a Go `for` with a condition) with what it tests. */
const CONDITIONAL = /^(?:\}\s*)?(if|else if|elif|while|for)\b\s*(.+?)\s*(?:\{|:)?$/;

/** `(a || b)` → `a || b`, when the first parenthesis closes at the very end. */
function withoutOuterParens(condition: string): string {
  if (!condition.startsWith('(')) return condition;
  let depth = 0;
  for (let index = 0; index < condition.length; index += 1) {
    if (condition[index] === '(') depth += 1;
    else if (condition[index] === ')') depth -= 1;
    if (depth === 0) return index === condition.length - 1 ? condition.slice(1, -1).trim() : condition;
  }
  return condition;
}

/** A conditional line's keyword and the top-level clauses of what it tests. */
export interface Clauses {
  keyword: string;
  clauses: string[];
}

const OR = ['||', ' or '];
const AND = ['&&', ' and '];

/**
 * The top-level `||` (or Python `or`) clauses of a conditional line, or null
 * when the line is not a conditional with at least one. Parentheses, brackets
 * and quotes nest, so `if f(a || b) {` is one clause.
 */
export const orClauses = (line: string): Clauses | null => clausesOf(line, OR);

/** Likewise its top-level `&&` (or Python `and`) clauses. */
export const andClauses = (line: string): Clauses | null => clausesOf(line, AND);

/** Does a fork conditional test all of an upstream one's clauses, under the same keyword, and more? (narrowedGuards.ts, widenedExits.ts) */
export const isExtendedBy = (upstream: Clauses, fork: Clauses): boolean =>
  fork.keyword === upstream.keyword && fork.clauses.length > upstream.clauses.length && upstream.clauses.every((clause) => fork.clauses.includes(clause));

function clausesOf(line: string, separators: readonly string[]): Clauses | null {
  const match = CONDITIONAL.exec(line);
  if (!match) return null;
  const clauses = topLevelClauses(withoutOuterParens(match[2] ?? ''), separators);
  return clauses.every((clause) => clause !== '') ? { keyword: match[1] ?? '', clauses } : null;
}

/** A condition split at its top-level `separators` (parentheses, brackets and quotes nest); empty clauses kept. */
export function topLevelClauses(condition: string, separators: readonly string[]): string[] {
  // Most conditions test one thing: no walk then (every changed line of a large diff may be asked).
  if (!separators.some((separator) => condition.includes(separator))) return [condition.trim()];
  const clauses: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let index = 0; index < condition.length; index += 1) {
    const char = condition[index] as string;
    if (quote) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) depth -= 1;
    else if (depth === 0) {
      const separator = separatorAt(condition, index, separators);
      if (separator === undefined) continue;
      clauses.push(condition.slice(start, index).trim());
      index += separator.length - 1;
      start = index + 1;
    }
  }
  clauses.push(condition.slice(start).trim());
  return clauses;
}

/** The separator that starts at `index`, if any (a loop, not a callback per character). */
function separatorAt(condition: string, index: number, separators: readonly string[]): string | undefined {
  for (let each = 0; each < separators.length; each += 1) {
    const separator = separators[each] as string;
    if (condition.startsWith(separator, index)) return separator;
  }
  return undefined;
}

/**
 * Clauses upstream tests that the fork dropped: an upstream-only conditional
 * whose fork counterpart in the same hunk (same keyword) keeps some of its
 * `||` clauses and no others. Each dropped clause is a case upstream exits or
 * skips on and the fork does not: an added guard, which is how many loop and
 * nil fixes look.
 */
export function droppedClauses(upstreamOnly: readonly string[], forkOnly: readonly string[]): string[] {
  const forkConditions = forkOnly.map(orClauses).filter((parsed) => parsed !== null);
  const dropped: string[] = [];
  for (const line of upstreamOnly) {
    const upstream = orClauses(line);
    if (!upstream || upstream.clauses.length < 2) continue;
    const kept = forkConditions.find(
      (fork) =>
        fork.keyword === upstream.keyword &&
        fork.clauses.length < upstream.clauses.length &&
        fork.clauses.every((clause) => upstream.clauses.includes(clause)),
    );
    if (kept) dropped.push(...upstream.clauses.filter((clause) => !kept.clauses.includes(clause)));
  }
  return dropped;
}
