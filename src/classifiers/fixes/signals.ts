// What makes a line look like part of a fix: guards, locks, context checks, error handling.

export const FIX_SIGNALS = ['nil-check', 'zero-check', 'lock', 'context-check', 'bounds-check', 'dropped-clause', 'error-handling', 'guard', 'early-exit', 'fix-commit'] as const;
export type FixSignal = (typeof FIX_SIGNALS)[number];

/** Signals that on their own make a missing line worth a maintainer's look. */
export const STRONG_SIGNALS: ReadonlySet<FixSignal> = new Set(['nil-check', 'zero-check', 'lock', 'context-check', 'bounds-check', 'dropped-clause']);

export const SIGNAL_LABELS = {
  'nil-check': 'nil check',
  'zero-check': 'zero-value check',
  lock: 'lock',
  'context-check': 'context cancellation check',
  'bounds-check': 'bounds check',
  'dropped-clause': 'guard condition',
  'error-handling': 'error handling',
  guard: 'guard',
  'early-exit': 'early exit',
  'fix-commit': 'fix',
} satisfies Record<FixSignal, string>;

/**
 * Comparisons with nil/null/None on something that is not an error value.
 * The subject (`a.b->c`) is read from the start of its run of characters:
 * tried at every character of a long name, then given back one by one, it
 * cost time quadratic in the name (most of signalsOf's time).
 */
export const NIL_CHECK = /(?<![\w.\])>-])([\w.\])>-]+)\s*(?:===?|!==?)\s*(?:nil|null|undefined|None|NULL|nullptr)\b|\b(?:nil|null|None|NULL|nullptr)\s*(?:===?|!==?)\s*([\w.>-]+)|\bis\s+(?:not\s+)?None\b|\.is_(?:none|some)\(\)|Objects\.(?:isNull|nonNull)\(/;
/** What every NIL_CHECK match holds: most lines have none, and this test is cheap. */
export const MAY_CHECK_NIL = /nil|null|undefined|None|NULL|\.is_|Objects\./;
const ERROR_NAME = /^(?:err\w*|\w*Err|\w*[eE]rror)$/;
const ZERO_CHECK = /(?:===?|!==?|<=?|>=?)\s*(?:0|""|''|0\.0)(?![\w.])|\.IsZero\(\)|\.isEmpty\(\)|\.is_empty\(\)/;
const BOUNDS_CHECK = /\blen\([^)]*\)\s*(?:<=?|>=?|==)|(?:<=?|>=?)\s*len\(|\.length\s*(?:<=?|>=?)|(?:<=?|>=?)\s*[\w.]+\.(?:length|size\(\)|len\(\))/;
const LOCK = /\.(?:R?Lock|R?Unlock|TryLock|lock|unlock|acquire|release)\(\)|\bsync\.(?:RW)?Mutex\b|\bsynchronized\b|\bwith\s+[\w.]*lock\w*\s*:|\bMutex(?:Guard)?::|\bAtomic\w+\b|\batomic\.\w+\(/;
const CONTEXT_CHECK = /<-\s*[\w.]*Done\(\)|\bctx\.Err\(\)\s*!=|\bif\s.*\bctx\.Err\(\)|^\s*select\s*\{|\bcontext\.(?:Canceled|DeadlineExceeded)\b|\bsignal\.aborted\b|isCancellationRequested|\.is_cancelled\(\)/;
const ERROR_HANDLING = /\breturn\b.*\berr\w*\b|\berrors\.(?:Wrap|Wrapf|New|Errorf|Is|As)\b|\bfmt\.Errorf\b|^\s*try\s*[:{]|^\s*except\b|\bcatch\s*\(|^\s*raise\b|^\s*throw\b|\?\s*;\s*$/;
const GUARD = /^\s*(?:if|elif|else if)\s*\(?\s*(?:!|not\s)\s*[\w.()]+\s*\)?\s*(?:\{|:)?\s*$/;
/** A one-line guard: a condition and its exit together (`if (n >= len) return ERR_RANGE;`, `if not a or not b: return`). */
const INLINE_GUARD = /^\s*(?:\}\s*)?(?:if|elif|else if|unless)\b.*?(?:\)|:|\{)\s*(?:return\b|continue\b|break\b|goto\b|raise\b|throw\b)/;
const EARLY_EXIT = /^\s*(?:continue|break|return\b[^;{]*)\s*;?\s*$/;

/**
 * Past this length a line is minified or generated (a bundle's one line of
 * megabytes): no guard a maintainer could read, and the patterns above with
 * `.*` would take time quadratic in it (2.4 s on netbox's built JavaScript).
 */
export const MAX_CODE_LINE_CHARS = 1_000;

/**
 * The fix signals one (normalised) line carries (`dropped-clause` needs the
 * fork's lines too: see droppedClauses.ts; `fix-commit` the commits: see
 * commitEvidence.ts). None for a line past MAX_CODE_LINE_CHARS.
 */
export function signalsOf(line: string): FixSignal[] {
  const signals: FixSignal[] = [];
  if (line.length > MAX_CODE_LINE_CHARS) return signals;
  const nil = MAY_CHECK_NIL.test(line) ? NIL_CHECK.exec(line) : null;
  if (nil) {
    const subject = (nil[1] ?? nil[2] ?? '').split('.').at(-1) ?? '';
    signals.push(ERROR_NAME.test(subject) ? 'error-handling' : 'nil-check');
  }
  if (ZERO_CHECK.test(line) && /\b(?:if|while|elif|return|&&|\|\|)\b|&&|\|\|/.test(line)) signals.push('zero-check');
  if (BOUNDS_CHECK.test(line)) signals.push('bounds-check');
  if (LOCK.test(line)) signals.push('lock');
  if (CONTEXT_CHECK.test(line)) signals.push('context-check');
  if (ERROR_HANDLING.test(line) && !signals.includes('error-handling')) signals.push('error-handling');
  if (GUARD.test(line) || INLINE_GUARD.test(line)) signals.push('guard');
  if (EARLY_EXIT.test(line)) signals.push('early-exit');
  return signals;
}
