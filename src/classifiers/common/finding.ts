import { fingerprint } from '../../fingerprint.js';
import type { CategoryId, Confidence, Finding, Side, Tip } from '../../model.js';

export interface FindingInput {
  category: CategoryId;
  kind: string;
  path: string;
  message: string;
  /** What makes this drift itself (names, versions, evidence); never line numbers. */
  identity: readonly (string | number | null | undefined)[];
  /** The side of the lines it was read from, with their commits and first line: see `locate`. */
  side: Side;
  commits?: string[];
  line?: number | null;
  lineIn?: Tip | null;
  confidence: Confidence;
  details: Record<string, unknown>;
}

/**
 * A finding whose fingerprint is built from category, kind, path and identity
 * only: never from wording, side or line, so a baseline keeps matching the
 * same drift when messages, attribution or line numbers change.
 */
export function createFinding(input: FindingInput): Finding {
  const { identity, category, kind, path, message, side, confidence, details } = input;
  return {
    category, kind, path, message,
    fingerprint: fingerprint(category, kind, path, ...identity),
    side, confidence,
    commits: input.commits ?? [], line: input.line ?? null, lineIn: input.lineIn ?? null,
    details,
  };
}

/** Keeps the first finding of each fingerprint: the same drift seen in two hunks is one row. */
export function uniqueByFingerprint(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (seen.has(finding.fingerprint)) return false;
    seen.add(finding.fingerprint);
    return true;
  });
}
