import type { Finding } from '../model.js';

/**
 * Analysers put structured facts in `details` by convention only
 * (`module`, `direction` for dependencies, `test` for removed tests),
 * so read them defensively.
 */
export function detailString(finding: Finding, key: string): string | undefined {
  const value = finding.details[key];
  return typeof value === 'string' ? value : undefined;
}
