import { describe, expect, it } from 'vitest';
import { digestView } from '../../src/reporters/digestView.js';
import type { DigestRow } from '../../src/reporters/upstreamDigest.js';

const row = (subject: string, security: string[]): DigestRow => ({
  commit: { id: 'e93569094550', subject, security }, files: ['go.mod'], hunks: 1, additions: 1, deletions: 1, sharedHunks: 0,
});

describe('digestView', () => {
  it('adds the security ids a subject does not already say, whatever their case', () => {
    const subjects = digestView([
      row('chore(deps): Security update December 2025 (#5984)', ['security']),
      row('fix: escape tar paths', ['CVE-2024-23652']),
      row('fix: escape tar paths (cve-2024-23652)', ['CVE-2024-23652']),
    ]).rows.map((cells) => cells[1]);
    expect(subjects).toEqual([
      'chore(deps): Security update December 2025 (#5984)',
      'fix: escape tar paths (security: CVE-2024-23652)',
      'fix: escape tar paths (cve-2024-23652)',
    ]);
  });
});
