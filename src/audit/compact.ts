// Strings up to this length are shared between kept records (kinds, signals, versions, commit ids, module names).
const SHARED_STRING_CHARS = 128;
/**
 * V8's JSON.parse already gives every string value up to this length from
 * its string table (a million parsed "medium"s take 8 MB, one pointer each;
 * a million 11-character strings 40 MB), so these need no sharing of ours.
 */
const PARSE_SHARED_CHARS = 10;

/** Keys whose values are one of a kind (a fingerprint, a hunk's header): a table of them would share nothing. */
const UNIQUE_KEYS: ReadonlySet<string> = new Set(['fingerprint', 'header', 'hunk']);

/**
 * Copies what the report keeps (findings, files) into fresh, flat values,
 * sharing equal short strings. Two reasons, both about a huge fork:
 *
 * - Analysers build messages from template pieces and take paths and evidence
 *   as slices of diff lines, and V8 keeps such strings as trees and views that
 *   pin the text they came from; equal values (a signal, a module) are
 *   separate copies.
 * - V8 decides per allocation site whether new objects go straight to the old
 *   generation ("pretenuring"). Had the parser's own hunk and file objects
 *   been kept, their sites would look long-lived, every later hunk would be
 *   born old, and the line strings those dead hunks point at would be
 *   promoted with them: on a 300 MB diff that was 4x the garbage in the old
 *   generation and a heap twice the size. Kept values come from JSON.parse,
 *   which has no allocation sites, so the parser's objects all die young.
 *
 * Kept values are JSON data by contract (the report is JSON), so a JSON round
 * trip copies them exactly.
 */
export const createCompactor = (): (<T>(value: T) => T) => {
  const shared = new Map<string, string>();
  // Over JSON.parse's fresh values, in place: a reviver did the same at twice the cost.
  const share = (value: unknown): unknown => {
    if (typeof value === 'string') {
      if (value.length > SHARED_STRING_CHARS || value.length <= PARSE_SHARED_CHARS) return value;
      const kept = shared.get(value);
      if (kept !== undefined) return kept;
      shared.set(value, value);
      return value;
    }
    if (value === null || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const entry = record[key];
      if (typeof entry === 'object' || (typeof entry === 'string' && !UNIQUE_KEYS.has(key))) record[key] = share(entry);
    }
    return value;
  };
  return <T>(value: T): T => {
    const text = JSON.stringify(value) as string | undefined;
    return text === undefined ? value : (share(JSON.parse(text)) as T);
  };
};
