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

  it("names none for documentation: release notes that list security fixes are none (LXD's)", () => {
    expect(securityIdsOf('doc/reference/release-notes: Adds security fixes to 5.21.6 release notes')).toEqual([]);
    expect(securityIdsOf('doc: Update 4.0.11 release notes with security fixes included\n\nCVE-2025-1234 and GHSA-m425-mq94-257g.')).toEqual([]);
    expect(securityIdsOf('lxd/archive: Reject unconfined backup.yaml file after unpack\n\nFixes GHSA-fv82-v4fj-mm4m')).toEqual(['GHSA-fv82-v4fj-mm4m']);
  });

  it("names none for the security policy's file, or for security the CI or the tests speak of, unless an advisory is named (LXD's)", () => {
    expect(securityIdsOf('SECURITY: new policy')).toEqual([]);
    expect(securityIdsOf('SECURITY.md: Remove monthly from feature release')).toEqual([]);
    expect(securityIdsOf('github: harden inlined scripts in security workflow')).toEqual([]);
    expect(securityIdsOf('dependabot: only track security updates for 5.0 `gomod`')).toEqual([]);
    expect(securityIdsOf('ci(security): scan images with Trivy')).toEqual([]);
    expect(securityIdsOf('test/suites/serverconfig: Use unsafe HTTP requests to check for CSRF protection')).toEqual([]);
    expect(securityIdsOf('test/suites/projects: ensure snapshot restore does not bypass project restrictions\n\nGHSA-47w9-6r3f-938g')).toEqual(['GHSA-47w9-6r3f-938g']);
    // The product's own code, and a capitalised tag, still are.
    expect(securityIdsOf('lxd/apparmor: Defend against path traversal attacks')).toEqual(['security']);
  });

  it('marks a message that only says security or vulnerability', () => {
    expect(securityIdsOf('harden tar extraction against a path traversal vulnerability')).toEqual(['security']);
    expect(securityIdsOf('Security: drop setuid bit')).toEqual(['security']);
  });

  it('reads security as a tag or beside what was wrong, not a flag or a thing named security', () => {
    expect(securityIdsOf('Update dependency postcss to v8.5.10 [SECURITY]')).toEqual(['security']);
    expect(securityIdsOf('chore(deps): update dependency path-to-regexp to v8.4.0 (security)')).toEqual(['security']);
    expect(securityIdsOf('runc: v1.1.13\n\nThis release fixes a security problem in the mount code.')).toEqual(['security']);
    // buildkit's missing commits that only named security: a flag, a prompt, a guide, a tool, a linter's noise.
    for (const message of [
      'dockerfile: promote RUN --security flag from labs',
      'remove security prompt from issue selection prompt',
      'Add project processes guide\n\nDocuments how maintainers handle\nreleases, project scope, and security boundary.',
      'govulncheck to report known vulnerabilities',
      'update runc binary to v1.1.13\n\n* Silence security false positives from golang/net.',
      'Closes #22538: Add security note for HTTP_CLIENT_IP_HEADERS client-IP trust\n\n* Fixes #22538: Add security note for HTTP_CLIENT_IP_HEADERS',
      'chore(ci): Update GitHub Actions to use commit SHA pinning\n\nSHAs for improved supply chain security.',
    ]) expect(securityIdsOf(message), message).toEqual([]);
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

  it('reads a class of attack a message names, and GitHub\'s merge of a security advisory\'s private fork, as security', () => {
    expect(securityIdsOf('kolla-build: Use SandboxedEnvironment to prevent SSTI\n\nCloses-Bug: #2111138')).toEqual(['security']);
    expect(securityIdsOf('Fix path traversal in artifact upload')).toEqual(['security']);
    // Memory-safety bugs and unauthenticated access closed, named in the subject (etcd's f936af2c0b2a, which OpenShift's etcd lacks).
    expect(securityIdsOf('server/etcdserver: guard unauthenticated endpoints with auth checks')).toEqual(['security']);
    expect(securityIdsOf('Fix heap buffer overflow in lpFind')).toEqual(['security']);
    expect(securityIdsOf('networking: fix use-after-free on reconnect')).toEqual(['security']);
    // Not a fix: access opened, or the word in a body's test notes (opentofu's state storage prompt).
    expect(securityIdsOf('api: allow unauthenticated access to /metrics')).toEqual([]);
    expect(securityIdsOf('PSS: confirm trust of the state storage provider\n\n* test: Users see "Authentication: unauthenticated" in prompt')).toEqual([]);
    expect(securityIdsOf('escape titles against XSS')).toEqual(['security']);
    // nektos/act's fixes from security advisories: the merge subject is all the message says.
    expect(securityIdsOf('Merge commit from fork')).toEqual(['security']);
    expect(securityIdsOf('Merge commit from fork\n\n* gate set-env behind ACTIONS_ALLOW_UNSECURE_COMMANDS')).toEqual(['security']);
    // A helper or a framework feature named like one is not.
    for (const message of ['add helper csrf_input', 'Merge commit from forked branch', 'Use dependency injection for the store', 'rce: rename module']) {
      expect(securityIdsOf(message), message).toEqual([]);
    }
  });

  it("names the Go, Rust and Python vulnerability databases' ids", () => {
    // openbao-csi-provider's upstream: a bump whose subject names Go vulndb entries, not CVEs.
    expect(securityIdsOf('bump x/net, x/text and Go toolchain to fix GO-2026-5942, go-2026-4970 (#391)')).toEqual(['GO-2026-4970', 'GO-2026-5942']);
    expect(securityIdsOf('cargo: bump time (RUSTSEC-2020-0071)')).toEqual(['RUSTSEC-2020-0071']);
    expect(securityIdsOf('requirements: pyyaml for PYSEC-2021-142')).toEqual(['PYSEC-2021-142']);
    expect(securityIdsOf('go: 1.22 → 1.23, GO-2024 style')).toEqual([]);
    // An id a scanner is told to let pass is no fix (tofu-ls's squash of a feature: "Modified: suppress GO-2026-5932").
    expect(securityIdsOf('Add support for Terraform Policy files (#2105)\n\n* Modified: suppress GO-2026-5932\n* Ignore CVE-2024-1234 in trivy')).toEqual([]);
    expect(securityIdsOf('fix GO-2026-5942\n\n* suppress GO-2026-5932 until x/net ships')).toEqual(['GO-2026-5942']);
  });
});
