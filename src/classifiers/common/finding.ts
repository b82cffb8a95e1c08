import { fingerprint } from '../../fingerprint.js';
import type { CategoryId, Confidence, Finding, Side } from '../../model.js';

export interface FindingInput {
  category: CategoryId;
  kind: string;
  path: string;
  message: string;
  /** What makes this drift itself (names, versions, evidence); never line numbers. */
  identity: readonly (string | number | null | undefined)[];
  side: Side;
  confidence: Confidence;
  details: Record<string, unknown>;
}

/** A finding whose fingerprint is built from category, kind, path and identity only. */
export function createFinding(input: FindingInput): Finding {
  const { identity, ...rest } = input;
  return { ...rest, commits: [], line: null, lineIn: null, fingerprint: fingerprint(input.category, input.kind, input.path, ...identity) };
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
