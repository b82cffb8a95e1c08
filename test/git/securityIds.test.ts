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

  it('does not read security in a path, a file name or a URL as a security fix', () => {
    expect(securityIdsOf('Fixes #19370: Update documentation default values\n\n* Update security.md for default values')).toEqual([]);
    expect(securityIdsOf('#19638 Update Django URLs\n\n* Update docs/configuration/security.md')).toEqual([]);
    expect(securityIdsOf('docs: close inline code\n\nhttps://netboxlabs.com/docs/netbox/configuration/security/#csrf_trusted_origins')).toEqual([]);
    // The same words in prose still count, next to punctuation too.
    expect(securityIdsOf('Fix a security issue. See security.md')).toEqual(['security']);
    expect(securityIdsOf('Bump minimatch to resolve security alerts (#21573)')).toEqual(['security']);
    expect(securityIdsOf('Fix DOM-based XSS vulnerability.')).toEqual(['security']);
  });
});
