import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { buildFixture, git, short } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { makeUserMidWork, snapshot } from '../helpers/repoSnapshot.js';
import { runCli } from '../helpers/runCli.js';
import { schemaErrors } from '../helpers/schema.js';
import { scratchDir } from '../helpers/scratch.js';

let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

const jsonReport = (...args: string[]): Report => {
  const { status, stdout, stderr } = runCli(['--format', 'json', ...args], { cwd: fixture.clone });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return JSON.parse(stdout) as Report;
};

describe('forkdiff REF in a clone of the fork (the built binary)', () => {
  it('fetches both sides and reports refs, merge base, sides and commits, schema-valid', () => {
    const report = jsonReport('v0.11');
    expect(schemaErrors(report)).toEqual([]);
    expect(report.mode).toBe('git');
    expect(report.upstream).toMatchObject({ remote: 'upstream', ref: 'v0.11' });
    expect(report.mergeBase).toMatch(/^[0-9a-f]{40}$/);
    expect(report.summary.every((row) => row.bySide !== null)).toBe(true);
    const sbom = report.files.find((file) => file.path === 'solver/sbom.go');
    expect(sbom?.side).toBe('upstream');
    expect(sbom?.hunks[0]?.commits).toEqual([short(fixture.shas.sbomFix)]);
    const subjects = report.commits?.missingFromFork.map((commit) => commit.subject) ?? [];
    expect(subjects).toContain('fix: nil pointer panic in sbom');
    expect(report.commits?.reverts).toHaveLength(1);
  });

  it('gives a missing fix its upstream commit and subject as evidence', () => {
    const report = jsonReport('v0.11');
    const nilCheck = report.findings.find((finding) => finding.path === 'solver/sbom.go' && finding.category === 'reverted-fixes');
    expect(nilCheck?.side).toBe('upstream');
    expect(nilCheck?.commits).toEqual([short(fixture.shas.sbomFix)]);
    expect(nilCheck?.details).toMatchObject({
      commitSubjects: [`${short(fixture.shas.sbomFix)} fix: nil pointer panic in sbom`],
      isFixCommit: true,
    });
  });

  it('separates what the fork carries from what it lacks', () => {
    const report = jsonReport('v0.11');
    const sideOf = (path: string) => report.files.find((file) => file.path === path)?.side;
    expect(sideOf('canonical_utils/fetch.py')).toBe('fork');
    expect(sideOf('.github/workflows/build.yml')).toBe('fork');
    expect(sideOf('go.sum')).toBe('upstream');
    expect(sideOf('Dockerfile')).toBe('both');
  });

  it('audits several refs in one run', () => {
    const document = JSON.parse(runCli(['v0.10', 'v0.11', '--format', 'json'], { cwd: fixture.clone }).stdout);
    expect(schemaErrors(document)).toEqual([]);
    expect(document.reports.map((report: Report) => report.upstream?.ref)).toEqual(['v0.10', 'v0.11']);
    const table = runCli(['v0.10', 'v0.11'], { cwd: fixture.clone }).stdout;
    expect(table).toContain('forkdiff  upstream/v0.10 → origin/v0.10');
    expect(table).toContain('forkdiff  upstream/v0.11 → origin/v0.11');
  });

  it('changes nothing of the user\'s but remote-tracking refs', () => {
    makeUserMidWork(fixture.clone);
    const before = snapshot(fixture.clone);
    expect(runCli(['v0.11', '--format', 'markdown'], { cwd: fixture.clone }).status).toBe(0);
    expect(runCli(['v0.10', '--upstream', fixture.upstream, '--no-color'], { cwd: fixture.clone }).status).toBe(0);
    expect(snapshot(fixture.clone)).toEqual(before);
    expect(git(fixture.clone, 'remote')).toBe('origin\nupstream');
  });

  it('writes byte-identical markdown from two clones at different paths', async () => {
    const other = await buildFixture();
    try {
      const first = runCli(['v0.11', '--format', 'markdown'], { cwd: fixture.clone });
      const second = runCli(['v0.11', '--format', 'markdown'], { cwd: other.clone });
      expect(first.status).toBe(0);
      expect(first.stdout).toBe(second.stdout);
      expect(first.stdout).not.toContain(fixture.root);
    } finally {
      other.remove();
    }
  });
});

describe('git-mode errors: one line, exit 2', () => {
  const expectError = (args: string[], cwd: string, message: RegExp) => {
    const { status, stdout, stderr } = runCli(args, { cwd });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  };

  it('outside a git repository', () => {
    const directory = scratchDir('norepo');
    expectError(['v0.11'], directory, /not a git repository/);
    expect(existsSync(join(directory, '.git'))).toBe(false);
  });

  it('with an unknown remote', () => expectError(['v0.11', '--upstream', 'nope'], fixture.clone, /nope/));
  it('with an unknown ref', () => expectError(['v9.99'], fixture.clone, /v9\.99/));
  it('with no ref at all', () => expectError([], fixture.clone, /name a ref to audit/));

  it('when the temporary directory for the spooled diff cannot be written', () => {
    const result = runCli(['v0.11'], { cwd: fixture.clone, env: { TMPDIR: join(fixture.clone, 'no-such-dir') } });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^forkdiff: cannot create a temporary file in .*no-such-dir: ENOENT \(set TMPDIR/)]);
    expect(result.stdout).toBe('');
  });
});
