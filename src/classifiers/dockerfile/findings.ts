import type { Confidence, FileDiff, Finding, LineSide, Side } from '../../model.js';
import { createFinding } from '../common/finding.js';
import type { LineRefs, Located } from '../common/location.js';
import { directionOf } from '../deps/versionDirection.js';
import { isVersionLike } from '../../versions/versionOrder.js';

/**
 * Findings of one file in the dockerfile category (Dockerfile, compose or
 * bake). Each is placed by the lines it was read from (`place`), and worded
 * once its side is known, since who moved decides what the message says.
 */
export function collectFindings<Kind extends string>(file: FileDiff, confidence: Confidence, place: (refs: LineRefs) => Located): {
  findings: Finding[];
  /** `lackedSince`: the merge base had it and this tip lacks it (see below). */
  add(kind: Kind, refs: LineRefs, describe: (side: Side) => string, identity: readonly (string | null)[], details: Record<string, unknown>, lackedSince?: LineSide | null): void;
} {
  const findings: Finding[] = [];
  return {
    findings,
    add: (kind, refs, describe, identity, details, lackedSince = null) => {
      const placed = place(refs);
      // Something the merge base had, that one tip lacks while the other tip's line of it is that tip's own: the
      // first removed it and the other changed it since (a stage whose FROM upstream bumped, an ARG upstream
      // inlined and the fork bumped), not an addition of the other's.
      const isChangedSince = lackedSince !== null && placed.side === (lackedSince === 'fork' ? 'upstream' : 'fork');
      const at: Located = isChangedSince ? { ...placed, side: 'both' } : placed;
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
