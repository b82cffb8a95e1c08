import { describe, expect, it } from 'vitest';
import { createCompactor } from '../../src/audit/compact.js';
import type { Finding } from '../../src/model.js';

const finding = (path: string): Finding => ({
  category: 'reverted-fixes',
  kind: 'missing-fix',
  path,
  message: `fork lacks upstream ${'nil check'}: ${'if ref == nil {'.slice(0, 14)}`,
  fingerprint: 'eb566da68530000f',
  side: 'upstream',
  confidence: 'high',
  commits: [],
  line: null,
  lineIn: null,
  details: { evidence: ['if ref == nil {', 'return nil'], signals: ['nil-check', 'early-exit'], line: 12, isFixCommit: true, upstream: null },
});

describe('createCompactor', () => {
  it('copies a finding exactly, key order included, into values of its own', () => {
    const compact = createCompactor();
    const original = finding('solver/sbom.go');
    const copy = compact(original);
    expect(copy).toEqual(original);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(original));
    expect(copy).not.toBe(original);
    expect(copy.details).not.toBe(original.details);
    (copy.details.signals as string[]).push('changed');
    expect(original.details.signals).toEqual(['nil-check', 'early-exit']);
  });

  it('keeps long strings whole', () => {
    const compact = createCompactor();
    const long = finding('x.go');
    long.message = 'm'.repeat(5_000);
    expect(compact(long).message).toBe(long.message);
  });
});
