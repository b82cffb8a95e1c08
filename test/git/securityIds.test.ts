import { describe, expect, it } from 'vitest';
import { securityIdsOf } from '../../src/git/commitLog.js';

describe('securityIdsOf', () => {
  it('names CVE and GHSA ids, in canonical case, sorted and once each', () => {
    expect(securityIdsOf('fix overflow (CVE-2024-31228, cve-2023-1234)\n\nAlso GHSA-m425-mq94-257g. CVE-2024-31228')).toEqual([
      'CVE-2023-1234',
      'CVE-2024-31228',
      'GHSA-m425-mq94-257g',
    ]);
  });

  it('marks a message that only says security or vulnerability', () => {
    expect(securityIdsOf('harden tar extraction against a path traversal vulnerability')).toEqual(['security']);
    expect(securityIdsOf('Security: drop setuid bit')).toEqual(['security']);
  });

  it('leaves ordinary commits and reverts of security fixes unmarked', () => {
    expect(securityIdsOf('vendor: update containerd to v1.6.21')).toEqual([]);
    expect(securityIdsOf('Revert "fix CVE-2024-31228"')).toEqual([]);
    expect(securityIdsOf('insecure-registry flag docs')).toEqual([]);
  });
});
