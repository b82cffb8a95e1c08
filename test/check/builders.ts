import type { Finding, Report } from '../../src/model.js';

/** A finding with sensible defaults; the fingerprint defaults to something unique per path+message. */
export function aFinding(overrides: Partial<Finding> = {}): Finding {
  const base: Finding = {
    category: 'other',
    kind: 'changed',
    path: 'README.md',
    message: 'changed',
    fingerprint: '',
    side: 'fork',
    confidence: 'high',
    commits: [],
    line: null,
    lineIn: null,
    details: {},
  };
  const finding = { ...base, ...overrides };
  if (finding.fingerprint === '') finding.fingerprint = `fp-${finding.category}-${finding.path}-${finding.message}`;
  return finding;
}

export const aDependency = (module: string, direction: string, overrides: Partial<Finding> = {}): Finding =>
  aFinding({
    category: 'vendored-deps',
    kind: 'dependency',
    path: 'go.mod',
    message: `${module} ${direction}`,
    details: { ecosystem: 'go', module, direction },
    ...overrides,
  });

export const aRemovedTest = (test: string, overrides: Partial<Finding> = {}): Finding =>
  aFinding({
    category: 'removed-tests',
    kind: 'test-removed',
    path: 'client/client_test.go',
    message: `${test} removed`,
    details: { test },
    ...overrides,
  });

/** A git-mode report for `ref` holding just these findings (the check stage reads nothing else). */
export function aReport(findings: Finding[], ref = 'v0.11'): Report {
  return {
    schemaVersion: 1,
    mode: 'git',
    upstream: { remote: 'upstream', ref, sha: 'a'.repeat(40) },
    fork: { remote: 'origin', ref, sha: 'b'.repeat(40) },
    mergeBase: 'c'.repeat(40),
    summary: [],
    totals: { files: 0, hunks: 0, additions: 0, deletions: 0 },
    totalsBySide: null,
    files: [],
    findings,
    commits: null,
    sync: null,
    notices: [],
  };
}
