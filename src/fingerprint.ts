import * as crypto from 'node:crypto';

/** One-shot sha256 where Node has it (20.12+): a Hash object per call was most of the cost. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** Hex sha256 of `text` (UTF-8), the same bytes and digest as `createHash('sha256').update(text)`. */
export const sha256Hex = (text: string): string =>
  oneShot ? oneShot('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');

/**
 * A short, stable id built from the parts that define a piece of drift
 * (never line numbers), so the same drift keeps its id across runs.
 */
export function fingerprint(...parts: readonly (string | number | null | undefined)[]): string {
  let text = '';
  for (const part of parts) text += `${String(part ?? '')}\0`;
  return sha256Hex(text).slice(0, 16);
}
