import type { FileDiff, Hunk } from '../model.js';
import type { SectionHeader } from './headers.js';

/** A parsed header and its hunks → the model, before attribution and classification. */
export function toFileDiff(header: SectionHeader, hunks: Hunk[]): FileDiff {
  let additions = 0;
  let deletions = 0;
  for (const hunk of hunks) {
    additions += hunk.additions;
    deletions += hunk.deletions;
  }
  return { ...header, additions, deletions, categories: [], otherKind: null, module: null, side: null, rename: null, hunks };
}
