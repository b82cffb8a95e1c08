import type { Confidence, FileDiff, Finding, Side } from '../../model.js';
import { createFinding } from '../common/finding.js';
import type { LineRefs, Located } from '../common/location.js';
import { directionOf, isVersionLike } from '../deps/versionDirection.js';

/**
 * Findings of one file in the dockerfile category (Dockerfile, compose or
 * bake). Each is placed by the lines it was read from (`place`), and worded
 * once its side is known, since who moved decides what the message says.
 */
export function collectFindings<Kind extends string>(file: FileDiff, confidence: Confidence, place: (refs: LineRefs) => Located): {
  findings: Finding[];
  add(kind: Kind, refs: LineRefs, describe: (side: Side) => string, identity: readonly (string | null)[], details: Record<string, unknown>, wasInBase?: boolean): void;
} {
  const findings: Finding[] = [];
  return {
    findings,
    add: (kind, refs, describe, identity, details, wasInBase = false) => {
      const placed = place(refs);
      // Something the merge base had, that the fork lacks and upstream's line of it is upstream's: the fork
      // removed it and upstream changed it since (a stage whose FROM upstream bumped), not an upstream addition.
      const at: Located = wasInBase && placed.side === 'upstream' ? { ...placed, side: 'both' } : placed;
      findings.push(createFinding({ category: 'dockerfile', kind, path: file.path, message: describe(at.side), identity, ...at, confidence, details }));
    },
  };
}

/** `v1.6.21 → v1.6.18 (downgrade)`: the direction is said only when both read as versions and they differ in order. */
export function versionChange(before: string, after: string): { text: string; direction: string; isVersioned: boolean } {
  const isVersioned = isVersionLike(before) && isVersionLike(after);
  const direction = isVersioned ? directionOf(before, after) : 'changed';
  return { text: `${before} → ${after}${direction !== 'changed' ? ` (${direction})` : ''}`, direction, isVersioned };
}
