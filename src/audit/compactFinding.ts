import type { Finding } from '../model.js';

// Strings up to this length are shared between findings (kinds, signals, versions, commit ids).
const SHARED_STRING_CHARS = 128;

/**
 * Copies findings into fresh, flat values, sharing equal short strings.
 * Analysers build messages from template pieces and take evidence as slices
 * of hunk lines, and V8 keeps such strings as trees and views that pin the
 * text they came from; equal values (a signal name, a version) are separate
 * copies. A report keeps every finding to the end, tens of thousands on a
 * huge fork, so each is rebuilt once. Findings are JSON data by contract (the
 * report is JSON), so a JSON round trip copies them exactly.
 */
export const createFindingCompactor = (): ((finding: Finding) => Finding) => {
  const shared = new Map<string, string>();
  const share = (_key: string, value: unknown): unknown => {
    if (typeof value !== 'string' || value.length > SHARED_STRING_CHARS) return value;
    const kept = shared.get(value);
    if (kept !== undefined) return kept;
    shared.set(value, value);
    return value;
  };
  return (finding) => JSON.parse(JSON.stringify(finding), share) as Finding;
};
