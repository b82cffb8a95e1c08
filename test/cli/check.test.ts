import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, git } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { runCli } from '../helpers/runCli.js';

/**
 * The CI gate on the fixture fork, step by step as a fork's CI lives it:
 * accept today's drift, let upstream move lines around, then let the fork
 * drop one more test. Steps run in order and share the fixture.
 */
let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

const forkdiff = (...args: string[]) => runCli(args, { cwd: fixture.clone });
const commitTo = (repo: string, path: string, edit: (text: string) => string, message: string): void => {
  const file = join(repo, path);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  git(repo, 'commit', '-qam', message);
};

describe('forkdiff --check and forkdiff baseline on a fork', () => {
  it('fails on drift nobody declared, listing it', () => {
    const { status, stderr } = forkdiff('v0.11', '--check');
    expect(status).toBe(1);
    expect(stderr).toMatch(/unexpected finding/);
    expect(stderr).toContain('testBasicS3CacheImportExport');
  });

  it('accepts today\'s drift with forkdiff baseline, sorted and stable', () => {
    const first = forkdiff('baseline', 'v0.11');
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^forkdiff: wrote \d+ accepted findings to .*\.forkdiff-baseline\.json\n$/);
    const path = join(fixture.clone, '.forkdiff-baseline.json');
    const written = readFileSync(path, 'utf8');
    const baseline = JSON.parse(written);
    expect(baseline.version).toBe(1);
    expect(baseline.accepted.length).toBeGreaterThan(5);
    expect(forkdiff('baseline', 'v0.11', '--no-fetch').status).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(written);
    const check = forkdiff('v0.11', '--check', '--no-fetch');
    expect(check.status).toBe(0);
    expect(check.stderr).toMatch(/no unexpected drift/i);
  });

  it('still passes when upstream only shifts lines', () => {
    const banner = Array.from({ length: 12 }, (_, index) => `// upstream banner line ${index + 1}`).join('\n');
    commitTo(fixture.upstream, 'solver/sbom.go', (text) => text.replace('package solver\n', `package solver\n\n${banner}\n`), 'solver: add a banner');
    const json = JSON.parse(forkdiff('v0.11', '--format', 'json').stdout);
    const nilCheck = json.findings.find((finding: { path: string; category: string }) => finding.path === 'solver/sbom.go' && finding.category === 'reverted-fixes');
    expect(nilCheck).toBeDefined();
    const { status, stderr } = forkdiff('v0.11', '--check', '--no-fetch');
    expect(stderr).not.toMatch(/unexpected finding/);
    expect(status).toBe(0);
  });

  it('fails and lists only the new finding when the fork drops another test', () => {
    commitTo(
      fixture.fork,
      'client/client_test.go',
      (text) => text.replace('\ttestSessionExporter,\n', ''),
      'client: stop running testSessionExporter',
    );
    const { status, stderr } = forkdiff('v0.11', '--check');
    expect(status).toBe(1);
    const listed = stderr.split('\n').filter((line) => /removed-tests|reverted-fixes|workflow|dockerfile|vendored-deps/.test(line));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('testSessionExporter');
  });

  it('passes again once a rule with a reason declares it, and warns about a rule that matches nothing', () => {
    writeFileSync(
      join(fixture.clone, '.forkdiff.yml'),
      [
        'expect:',
        '  - category: removed-tests',
        '    test: testSessionExporter',
        '    reason: needs a session exporter Ubuntu does not ship',
        '  - category: dockerfile',
        '    paths: [hack/never/Dockerfile]',
        '    reason: left over from an old layout',
        '',
      ].join('\n'),
    );
    const { status, stderr } = forkdiff('v0.11', '--check', '--no-fetch');
    expect(status).toBe(0);
    expect(stderr).toMatch(/expect\[1\].*matched nothing/);
  });

  it('stops with exit 2 naming the key of a broken config', () => {
    writeFileSync(join(fixture.clone, '.forkdiff.yml'), 'expect:\n  - category: dockerfile\n    direction: down\n    reason: x\n');
    const { status, stdout, stderr } = forkdiff('v0.11', '--check', '--no-fetch');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/\.forkdiff\.yml: expect\[0\]\.direction: must be one of upgrade, downgrade, added, removed, changed \(got "down"\)/);
  });
});

describe('--check inside GitHub Actions', () => {
  it('annotates each unexpected finding and writes the job summary', () => {
    const summary = join(fixture.root, 'step-summary.md');
    writeFileSync(join(fixture.clone, '.forkdiff.yml'), '{}\n');
    const { status, stdout } = runCli(['v0.11', '--check', '--no-fetch'], {
      cwd: fixture.clone,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(status).toBe(1);
    const annotations = stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(annotations).toHaveLength(1);
    // The test's lines exist only upstream: no line= in the fork's file, upstream's line named in the message.
    expect(annotations[0]).toMatch(/^::error file=client\/client_test\.go,title=forkdiff removed-tests::fork removed test testSessionExporter \(at line \d+ of upstream's client\/client_test\.go\)$/);
    expect(readFileSync(summary, 'utf8')).toMatch(/^## forkdiff check\n\n\*\*1 unexpected finding\*\*/);
  });
});

describe('--since: what changed since the previous nightly report', () => {
  it('shows exactly the new drift, and what was resolved', async () => {
    const other = await buildFixture();
    try {
      const run = (...args: string[]) => runCli(args, { cwd: other.clone });
      const before = join(other.root, 'before.json');
      expect(run('v0.11', '--format', 'json', '--output', before).status).toBe(0);
      commitTo(other.fork, 'client/client_test.go', (text) => text.replace('\ttestSessionExporter,\n', ''), 'client: drop testSessionExporter');
      const { status, stdout } = run('v0.11', '--format', 'markdown', '--since', before);
      expect(status).toBe(0);
      const since = stdout.slice(stdout.indexOf('## New since last report'));
      expect(since).toMatch(/^## New since last report \(1\)\n/);
      expect(since.match(/^\| /gm)).toHaveLength(3); // header, rule, the one new finding
      expect(since).toMatch(/^\| removed-tests \| client\/client\\_test\.go \| fork removed test testSessionExporter \|/m);
      expect(since).toContain('## Resolved since last report (0)\n\n_None._');
      expect(since).toMatch(/^\d+ unchanged\.$/m);
    } finally {
      other.remove();
    }
  });
});
