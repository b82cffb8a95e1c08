// A guard that went with the function holding it: the fork deleted the function, not the guard.
import { escapeRegExp } from '../../text/regExp.js';

/** The name a line defines as a function, in the languages reverted-fixes reads; null for any other line. */
const DEFINITIONS: readonly RegExp[] = [
  // Go: `func clip(v float64) uint8 {`, `func (c *Cache) get(k string) {`.
  /^func\s+(?:\([^)]*\)\s*)?(\w+)\s*[[(]/,
  // Python: `def clip(v):`, `async def fetch(url):`.
  /^(?:async\s+)?def\s+(\w+)\s*\(/,
  // Rust: `fn clip(v: f32) -> u8 {`, `pub(crate) async fn fetch(`.
  /^(?:pub(?:\([^)]*\))?\s+)?(?:const\s+|async\s+|unsafe\s+)*fn\s+(\w+)/,
  // JavaScript and TypeScript: `function clip(v) {`, `export async function fetch(url) {`.
  /^(?:export\s+(?:default\s+)?)?(?:async\s+)?function\s*\*?\s*(\w+)\s*[(<]/,
  // C and C++: a return type, then the name and a parameter list that is no statement (`static inline UINT8 clip8(float in)`).
  /^(?:(?:static|inline|extern|const|unsigned|signed|struct|enum)\s+)*[A-Za-z_][\w:<>]*[\s*&]+\**(\w+)\s*\([^;]*\)\s*(?:const\s*)?\{?$/,
];

/** Words that open a statement, which the C pattern would otherwise read as a return type (`return clip(v)`, `else if (x)`). */
const STATEMENT = /^(?:return|else|if|while|for|switch|case|do|goto|sizeof|new|delete|throw|await|yield)\b/;

export function definedName(line: string): string | null {
  const text = line.trim();
  if (STATEMENT.test(text)) return null;
  for (const pattern of DEFINITIONS) {
    const name = pattern.exec(text)?.[1];
    if (name !== undefined) return name;
  }
  return null;
}

/**
 * Whether missing lines are the body of a function the fork deleted whole:
 * they open with its definition, and the fork's file names it nowhere, so
 * its callers went too (pillow-simd replaced Filter.c's `clip8` and every
 * filter that called it with SIMD code: "fork removed zero-value check:
 * if (in <= 0.0) return 0;" was the function's own clamp). A fork that
 * kept a call, or a function of that name, still reads as it did.
 */
export function isDeletedFunction(evidence: readonly string[], forkText: string): boolean {
  const name = evidence[0] === undefined ? null : definedName(evidence[0]);
  return name !== null && !new RegExp(`\\b${escapeRegExp(name)}\\b`).test(forkText);
}
