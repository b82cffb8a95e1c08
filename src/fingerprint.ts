import { createHash } from 'node:crypto';

/**
 * A short, stable id built from the parts that define a piece of drift
 * (never line numbers), so the same drift keeps its id across runs.
 */
export function fingerprint(...parts: readonly (string | number | null | undefined)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(String(part ?? '')).update('\0');
  return hash.digest('hex').slice(0, 16);
}
