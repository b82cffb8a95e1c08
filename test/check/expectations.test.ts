import { describe, expect, it } from 'vitest';
import type { ExpectRule } from '../../src/check/config.js';
import { matchRules } from '../../src/check/expectations.js';
import { aDependency, aFinding, aRemovedTest } from './builders.js';

const rule = (overrides: Partial<ExpectRule> & Pick<ExpectRule, 'category'>): ExpectRule => ({ reason: 'because', ...overrides });

const covers = (rules: ExpectRule[], finding = aFinding()): number | undefined =>
  matchRules([finding], rules).covered.get(finding.fingerprint);

describe('matchRules', () => {
  it('matches by category alone, and not across categories', () => {
    expect(covers([rule({ category: 'other' })])).toBe(0);
    expect(covers([rule({ category: 'workflow' })])).toBeUndefined();
  });

  it('matches paths by glob, dotfiles included', () => {
    const finding = aFinding({ category: 'workflow', path: '.github/workflows/build.yml' });
    expect(covers([rule({ category: 'workflow', paths: ['.github/**/*.yml'] })], finding)).toBe(0);
    expect(covers([rule({ category: 'workflow', paths: ['**/build.yml'] })], finding)).toBe(0);
    expect(covers([rule({ category: 'workflow', paths: ['.github/actions/**'] })], finding)).toBeUndefined();
    expect(covers([rule({ category: 'workflow', paths: ['Dockerfile', '.github/workflows/*'] })], finding)).toBe(0);
  });

  it('matches module globs and directions on dependency findings', () => {
    const containerd = aDependency('github.com/containerd/containerd', 'downgrade');
    expect(covers([rule({ category: 'vendored-deps', module: 'github.com/containerd/containerd' })], containerd)).toBe(0);
    expect(covers([rule({ category: 'vendored-deps', module: 'github.com/containerd/*' })], containerd)).toBe(0);
    expect(covers([rule({ category: 'vendored-deps', module: 'github.com/opencontainers/*' })], containerd)).toBeUndefined();
    expect(covers([rule({ category: 'vendored-deps', direction: ['downgrade'] })], containerd)).toBe(0);
    expect(covers([rule({ category: 'vendored-deps', direction: ['upgrade', 'downgrade'] })], containerd)).toBe(0);
    expect(covers([rule({ category: 'vendored-deps', direction: ['upgrade'] })], containerd)).toBeUndefined();
  });

  it('does not match a rule that asks for a detail the finding lacks', () => {
    const noDetails = aFinding({ category: 'vendored-deps', path: 'go.sum' });
    expect(covers([rule({ category: 'vendored-deps', module: '**' })], noDetails)).toBeUndefined();
    const oddDetails = aFinding({ category: 'vendored-deps', details: { module: 42, direction: ['upgrade'] } });
    expect(covers([rule({ category: 'vendored-deps', module: '*' })], oddDetails)).toBeUndefined();
    expect(covers([rule({ category: 'vendored-deps', direction: ['upgrade'] })], oddDetails)).toBeUndefined();
  });

  it('matches test-name globs on removed-test findings', () => {
    const s3 = aRemovedTest('testBasicS3CacheImportExport');
    const azure = aRemovedTest('testBasicAzblobCacheImportExport');
    const mount = aRemovedTest('testLLBMountPerformance');
    const rules = [rule({ category: 'removed-tests', test: 'testBasic*CacheImportExport' })];
    const { covered } = matchRules([s3, azure, mount], rules);
    expect([...covered.keys()]).toEqual([s3.fingerprint, azure.fingerprint]);
  });

  it('matches side and kind exactly', () => {
    const forkSide = aFinding({ category: 'dockerfile', kind: 'base-image', side: 'fork' });
    const upstreamSide = aFinding({ category: 'dockerfile', kind: 'base-image', side: 'upstream', path: 'b' });
    const unknownSide = aFinding({ category: 'dockerfile', kind: 'base-image', side: null, path: 'c' });
    const { covered } = matchRules([forkSide, upstreamSide, unknownSide], [rule({ category: 'dockerfile', side: 'fork' })]);
    expect([...covered.keys()]).toEqual([forkSide.fingerprint]);
    expect(covers([rule({ category: 'dockerfile', kind: 'base-image' })], forkSide)).toBe(0);
    expect(covers([rule({ category: 'dockerfile', kind: 'arg-pin' })], forkSide)).toBeUndefined();
  });

  it('needs every given field to match', () => {
    const finding = aFinding({ category: 'dockerfile', kind: 'base-image', path: 'Dockerfile', side: 'fork' });
    expect(covers([rule({ category: 'dockerfile', paths: ['Dockerfile'], kind: 'base-image', side: 'fork' })], finding)).toBe(0);
    expect(covers([rule({ category: 'dockerfile', paths: ['Dockerfile'], kind: 'base-image', side: 'both' })], finding)).toBeUndefined();
  });

  it('credits the first matching rule and reports rules that matched nothing', () => {
    const finding = aFinding({ category: 'workflow', path: '.github/workflows/ci.yml' });
    const rules = [
      rule({ category: 'dockerfile' }),
      rule({ category: 'workflow' }),
      rule({ category: 'workflow', paths: ['.github/workflows/ci.yml'] }),
      rule({ category: 'workflow', paths: ['nowhere/**'] }),
    ];
    const result = matchRules([finding], rules);
    expect(result.covered.get(finding.fingerprint)).toBe(1);
    // Rule 2 is shadowed by rule 1 but did match, so it is not "unused".
    expect(result.unusedRules).toEqual([0, 3]);
  });
});
