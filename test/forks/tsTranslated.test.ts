import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { short } from '../git/fixtureRepo.js';
import { auditFork, messagesAt } from './auditFork.js';
import type { AuditedFork } from './auditFork.js';

/** fixtures/forks/ts-translated.mjs: a translated React UI fork (incus-ui-cn's shape) behind a pinned, fixed upstream. */
let fork: AuditedFork;
beforeAll(async () => {
  fork = await auditFork('ts-translated');
});
afterAll(() => fork.remove());

describe('a fork that translated its strings', () => {
  it('does not read the conditional it joined onto one line as a removed check', () => {
    // Upstream's `{changeCount === 0 || isYaml` / `? "Save changes"` / `: …}` is one translated line in the fork.
    for (const report of [fork.git, fork.diffFile]) {
      expect(report.findings.filter((finding) => finding.path === 'src/components/FormSubmitBtn.tsx')).toEqual([]);
    }
  });

  it("names upstream's fixes by what they are: a guard, and a callback's return that is no early exit", () => {
    const { aclFix, usedByFix } = fork.fixture.shas;
    expect(fork.git.findings.filter((finding) => finding.category === 'reverted-fixes').map(({ path, message, side, commits }) => ({ path, message, side, commits }))).toEqual([
      { path: 'src/api/acls.tsx', message: 'fork lacks upstream fix: }) .then(handleResponse) .then((data: OperationResponse) => { return data; });', side: 'upstream', commits: [short(aclFix!)] },
      { path: 'src/pages/CreateAcl.tsx', message: 'fork lacks upstream guard: if (!project) { return <>Missing project</>; }', side: 'upstream', commits: [short(aclFix!)] },
      { path: 'src/util/usedBy.tsx', message: 'fork lacks upstream fix: network: resource.network,', side: 'upstream', commits: [short(usedByFix!)] },
    ]);
  });

  it('reads the member a fix commit added to an interface as a type, not as a fix the fork lacks', () => {
    // The same commit's `network?: string;` in `interface UsedBy` is its own hunk: nothing runs there to lack.
    const usedBy = fork.git.findings.filter((finding) => finding.path === 'src/util/usedBy.tsx');
    expect(usedBy.map(({ line, details }) => ({ line, evidence: details['evidence'] }))).toEqual([{ line: 28, evidence: ['network: resource.network,'] }]);
    expect(fork.git.files.find((file) => file.path === 'src/util/usedBy.tsx')?.hunks.map((hunk) => hunk.side)).toEqual(['upstream', 'upstream']);
  });
});

describe('actions upstream pinned by commit', () => {
  it('reads each pin as the version its comment names, newer than the tag the fork still uses', () => {
    expect(messagesAt(fork.git, 'workflow', '.github/workflows/pr.yaml')).toEqual([
      'upstream bumped actions/checkout v4 → v6.0.2 (de0fac2e); fork still at v4',
      'upstream bumped actions/setup-node v4 → v6.4.0 (48b55a01); fork still at v4',
      // The same version pinned to its commit: no bump to speak of.
      'upstream pinned codecov/codecov-action v5 to commit 1af58845; fork still uses the tag v5',
    ]);
    expect(messagesAt(fork.diffFile, 'workflow', '.github/workflows/pr.yaml')).toEqual([
      'actions/checkout: v6.0.2 (de0fac2e) → v4',
      'actions/setup-node: v6.4.0 (48b55a01) → v4',
      'codecov/codecov-action v5: commit 1af58845 → the tag',
    ]);
    const checkout = fork.git.findings.find((finding) => finding.details['action'] === 'actions/checkout');
    expect(checkout?.details).toMatchObject({ action: 'actions/checkout', upstream: 'de0fac2e4500dabe0009e67214ff5f5447ce83dd', fork: 'v4', upstreamVersion: 'v6.0.2' });
    expect(checkout?.details['forkVersion']).toBeUndefined();
    expect(checkout?.commits).toEqual([short(fork.fixture.shas.pinActions!)]);
  });
});
