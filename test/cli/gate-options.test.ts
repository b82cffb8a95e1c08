import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model.js';
import { buildFixture, git } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { runCli } from '../helpers/runCli.js';
import { schemaErrors } from '../helpers/schema.js';

/** The options a CI job combines with --check: -c, --since with JSON, --baseline, --quiet, --help. Steps share the fixture, in order. */
let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

const forkdiff = (...args: string[]) => runCli(args, { cwd: fixture.clone });
const findingLines = (stderr: string): string[] => stderr.split('\n').filter((line) => /^(workflow|dockerfile|vendored-deps|reverted-fixes|removed-tests|other) {2}/.test(line));

describe('gate options', () => {
  it('stops at once on an explicit --baseline that does not exist, before fetching anything', () => {
    const { status, stdout, stderr } = forkdiff('v0.11', '--check', '--baseline', 'accepted.json');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('forkdiff: accepted.json: baseline not found (check --baseline, or create it with forkdiff baseline --baseline accepted.json)\n');
    expect(git(fixture.clone, 'for-each-ref', 'refs/remotes/upstream')).toBe('');
  });

  it('--check -c gates only those categories, and warns only about their rules', () => {
    writeFileSync(join(fixture.clone, '.forkdiff.yml'), 'expect:\n  - category: dockerfile\n    paths: [hack/never/Dockerfile]\n    reason: an old layout\n');
    const all = forkdiff('v0.11', '--check');
    expect(all.status).toBe(1);
    expect(new Set(findingLines(all.stderr).map((line) => line.split('  ')[0]))).toEqual(new Set(['workflow', 'dockerfile', 'vendored-deps', 'reverted-fixes', 'removed-tests']));
    const tests = forkdiff('v0.11', '--check', '--no-fetch', '-c', 'removed-tests');
    expect(tests.status).toBe(1);
    expect(findingLines(tests.stderr).map((line) => line.split('  ')[0])).toEqual(['removed-tests', 'removed-tests']);
    expect(tests.stderr).not.toMatch(/matched nothing/);
    const other = forkdiff('v0.11', '--check', '--no-fetch', '--category', 'other');
    expect(other.stderr).toMatch(/^forkdiff check: no unexpected drift/);
    expect(other.status).toBe(0);
    expect(forkdiff('v0.11', '--check', '--no-fetch', '-c', 'dockerfile').stderr).toMatch(/expect\[0\].*matched nothing/);
  });

  it('--quiet prints the headline and the verdict, and still writes --output in full', () => {
    const { status, stdout, stderr } = forkdiff('v0.11', '--check', '--no-fetch', '--quiet', '--format', 'markdown', '--output', 'drift.md');
    expect(status).toBe(1);
    const [title, ...headline] = stdout.trimEnd().split('\n');
    expect(title).toBe('forkdiff  upstream/v0.11 → origin/v0.11');
    expect(headline[0]).toMatch(/^Carries: /);
    expect(headline.some((line) => /^Lacks: /.test(line))).toBe(true);
    // Exactly the headline the full table report leads with, and nothing after it.
    const full = forkdiff('v0.11', '--no-fetch').stdout;
    expect(full).toContain(`\n\n${headline.join('\n')}\n`);
    expect(stdout).not.toMatch(/^Category /m);
    expect(stderr.split('\n')[0]).toMatch(/^forkdiff check: \d+ unexpected findings/);
    expect(readFileSync(join(fixture.clone, 'drift.md'), 'utf8')).toContain('## Summary');
  });

  it('--since puts what is new and resolved into the JSON report, schema-valid', () => {
    const previous = join(fixture.root, 'previous.json');
    expect(forkdiff('v0.11', '--no-fetch', '--format', 'json', '--output', previous).status).toBe(0);
    const test = join(fixture.fork, 'client/client_test.go');
    writeFileSync(test, readFileSync(test, 'utf8').replace('\ttestSessionExporter,\n', ''));
    git(fixture.fork, 'commit', '-qam', 'client: drop testSessionExporter');
    const { status, stdout } = forkdiff('v0.11', '--format', 'json', '--since', previous);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Report & { since: { newFindings: Finding[]; resolvedFindings: Finding[]; unchanged: number } };
    expect(schemaErrors(report)).toEqual([]);
    expect(report.since.newFindings.map((finding) => finding.message)).toEqual([expect.stringMatching(/test testSessionExporter/)]);
    expect(report.since.resolvedFindings).toEqual([]);
    expect(report.since.unchanged).toBe(report.findings.length - 1);
    // Narrowed to one category, the others' findings do not read as resolved.
    const workflow = JSON.parse(forkdiff('v0.11', '--no-fetch', '--format', 'json', '--since', previous, '-c', 'workflow').stdout);
    expect(workflow.since).toMatchObject({ newFindings: [], resolvedFindings: [], unchanged: workflow.findings.length });
  });

  it('--help shows examples, exit codes and environment variables; subcommands list the shared options', () => {
    const help = forkdiff('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Examples:\n {2}forkdiff v0\.11 /m);
    expect(help.stdout).toMatch(/^Exit codes:\n {2}0 .*\n {2}1 .*--check.*\n {2}2 /m);
    expect(help.stdout).toMatch(/^Environment:\n {2}NO_COLOR, FORCE_COLOR, TERM=dumb/m);
    const baseline = forkdiff('baseline', '--help');
    expect(baseline.stdout).toMatch(/^Global Options:$/m);
    expect(baseline.stdout).toMatch(/^ {2}--no-fetch /m);
  });
});
