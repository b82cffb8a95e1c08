import { describe, expect, it } from 'vitest';
import { buildBaseline } from '../../src/check/baseline.js';
import { checkReports, exitCode } from '../../src/check/check.js';
import type { Config } from '../../src/check/config.js';
import { parseConfig } from '../../src/check/configParse.js';
import { formatCheckText } from '../../src/check/formatText.js';
import { aDependency, aFinding, aRemovedTest, aReport } from './builders.js';

const config: Config = parseConfig(
  `
expect:
  - category: dockerfile
    paths: [Dockerfile]
    kind: base-image
    reason: Ubuntu-based rebuild
  - category: vendored-deps
    module: github.com/containerd/containerd
    direction: downgrade
    reason: pinned to Ubuntu's containerd package
  - category: removed-tests
    test: 'testBasic*CacheImportExport'
    reason: S3/Azure tests run in our own jobs
`,
  '.forkdiff.yml',
);

const baseImage = aFinding({ category: 'dockerfile', kind: 'base-image', path: 'Dockerfile', message: 'alpine → ubuntu' });
const containerd = aDependency('github.com/containerd/containerd', 'downgrade');
const s3Test = aRemovedTest('testBasicS3CacheImportExport');
const jobCommentedOut = aFinding({ category: 'workflow', path: '.github/workflows/build.yml', message: 'job frontend-base commented out' });
const runc = aDependency('github.com/opencontainers/runc', 'downgrade', { fingerprint: 'runc-fp' });

describe('checkReports', () => {
  it('passes when every finding is covered by a rule or the baseline', () => {
    const baseline = buildBaseline([aReport([jobCommentedOut])]);
    const result = checkReports([aReport([baseImage, containerd, s3Test, jobCommentedOut])], config, baseline);
    expect(result).toEqual({ unexpected: [], expectedByRule: 3, expectedByBaseline: 1, warnings: [] });
    expect(exitCode(result, true)).toBe(0);
  });

  it('fails on one new finding and lists only that one', () => {
    const baseline = buildBaseline([aReport([jobCommentedOut])]);
    const result = checkReports([aReport([baseImage, containerd, runc, s3Test, jobCommentedOut])], config, baseline);
    expect(result.unexpected).toEqual([{ ...runc, reportIndex: 0, ref: 'v0.11' }]);
    expect(exitCode(result, true)).toBe(1);
    expect(formatCheckText(result)).toBe(
      'forkdiff check: 1 unexpected finding (3 expected by rules, 1 by baseline)\n' +
        'vendored-deps  go.mod  github.com/opencontainers/runc downgrade  [runc-fp]\n' +
        'to accept them: add an expect rule with a reason to .forkdiff.yml, or run forkdiff baseline\n',
    );
  });

  it('only fails the exit code when gating', () => {
    const result = checkReports([aReport([runc])], config, null);
    expect(exitCode(result, false)).toBe(0);
    expect(exitCode(null, true)).toBe(0);
    expect(exitCode(null, false)).toBe(0);
  });

  it('warns about rules that matched nothing and stale baseline entries, without failing', () => {
    const stale = aFinding({ category: 'workflow', path: 'ci.yml', message: 'gone', fingerprint: 'stale-fp' });
    const baseline = buildBaseline([aReport([stale])]);
    const result = checkReports([aReport([baseImage, s3Test])], config, baseline);
    expect(result.warnings).toEqual([
      'rule expect[1] (vendored-deps module github.com/containerd/containerd direction downgrade, reason "pinned to Ubuntu\'s containerd package") matched nothing: remove it or fix its module, direction',
      'baseline entry stale-fp (workflow ci.yml: gone) no longer matches: run `forkdiff baseline` to refresh',
    ]);
    expect(exitCode(result, true)).toBe(0);
    expect(formatCheckText(result)).toContain('\nwarning: baseline entry stale-fp');
  });

  it('checks several refs together and groups the listing by ref', () => {
    const other = aFinding({ category: 'other', path: 'x.go', message: 'evil\u001b[31m\nline', fingerprint: 'x-fp' });
    const result = checkReports([aReport([runc], 'v0.10'), aReport([baseImage, containerd, s3Test, other], 'v0.11')], config, null);
    expect(result.unexpected.map((finding) => [finding.ref, finding.reportIndex, finding.fingerprint])).toEqual([
      ['v0.10', 0, 'runc-fp'],
      ['v0.11', 1, 'x-fp'],
    ]);
    expect(formatCheckText(result)).toBe(
      'forkdiff check: 2 unexpected findings (3 expected by rules, 0 by baseline)\n' +
        'v0.10:\n' +
        '  vendored-deps  go.mod  github.com/opencontainers/runc downgrade  [runc-fp]\n' +
        'v0.11:\n' +
        '  other  x.go  evil\\x1b[31m\\nline  [x-fp]\n' +
        'to accept them: add an expect rule with a reason to .forkdiff.yml, or run forkdiff baseline\n',
    );
  });

  it('lists unexpected findings in a stable order whatever the input order', () => {
    const a = aFinding({ category: 'other', path: 'b.go' });
    const b = aFinding({ category: 'workflow', path: 'z.yml' });
    const c = aFinding({ category: 'other', path: 'a.go' });
    const paths = checkReports([aReport([a, b, c])], config, null).unexpected.map((finding) => finding.path);
    expect(paths).toEqual(['z.yml', 'a.go', 'b.go']);
  });
});

describe('checkReports for some categories (--check -c)', () => {
  it('warns only about rules and baseline entries of those categories', () => {
    const baseline = buildBaseline([aReport([jobCommentedOut, runc])]);
    const dockerfileOnly = aReport([baseImage]);
    const scoped = checkReports([dockerfileOnly], config, baseline, ['dockerfile']);
    expect(scoped).toEqual({ unexpected: [], expectedByRule: 1, expectedByBaseline: 0, warnings: [] });
    const unscoped = checkReports([dockerfileOnly], config, baseline);
    expect(unscoped.warnings).toHaveLength(4); // two rules, two baseline entries of other categories
  });
});
