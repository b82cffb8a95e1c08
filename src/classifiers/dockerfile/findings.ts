import type { Confidence, FileDiff, Finding } from '../../model.js';
import { createFinding } from '../common/finding.js';
import { directionOf, isVersionLike } from '../deps/versionDirection.js';

/** The side of the first hunk whose changed lines mention `needle`, else the file's. */
export function sideMentioning(file: FileDiff, needle: string): FileDiff['side'] {
  const hunk = file.hunks.find((candidate) => candidate.lines.some((line) => line.type !== 'normal' && line.content.includes(needle)));
  return hunk?.side ?? file.side;
}

/**
 * Findings of one file in the dockerfile category (Dockerfile, compose or
 * bake), each on the side of the hunk that mentions `needle`.
 */
export function collectFindings<Kind extends string>(file: FileDiff, confidence: Confidence): {
  findings: Finding[];
  add(kind: Kind, message: string, identity: readonly (string | null)[], needle: string, details: Record<string, unknown>): void;
} {
  const findings: Finding[] = [];
  return {
    findings,
    add: (kind, message, identity, needle, details) => {
      findings.push(createFinding({ category: 'dockerfile', kind, path: file.path, message, identity, side: sideMentioning(file, needle), confidence, details }));
    },
  };
}

/** `v1.6.21 → v1.6.18 (downgrade)`: the direction is said only when both read as versions and they differ in order. */
export function versionChange(before: string, after: string): { text: string; direction: string } {
  const hasVersions = isVersionLike(before) && isVersionLike(after);
  const direction = hasVersions ? directionOf(before, after) : 'changed';
  return { text: `${before} → ${after}${direction !== 'changed' ? ` (${direction})` : ''}`, direction };
}
