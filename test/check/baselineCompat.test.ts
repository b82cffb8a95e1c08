import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { buildFixture } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { buildkitFixture, buildkitSkipReason, hasBuildkitFixture, projectRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';

/**
 * Baselines outlive releases: fixtures/baselines/ holds what v0.1.0 wrote
 * (before line-level sides and the new wording), and the same drift must
 * still match it entry for entry.
 */
const oldBaseline = `${projectRoot}/fixtures/baselines/demo-v0.1.0.json`;

let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

describe('a baseline written by v0.1.0', () => {
  it('still covers the demo fork: every entry matches a finding, and --check passes on them', () => {
    const accepted = (JSON.parse(readFileSync(oldBaseline, 'utf8')) as { accepted: { fingerprint: string; message: string }[] }).accepted;
    const { stdout } = runCli(['v0.11', '--format', 'json'], { cwd: fixture.clone });
    const report = JSON.parse(stdout) as Report;
    const current = new Map(report.findings.map((finding) => [finding.fingerprint, finding]));
    expect(accepted.filter((entry) => !current.has(entry.fingerprint))).toEqual([]);
    // The wording changed (who did what), the drift did not.
    expect(accepted.some((entry) => current.get(entry.fingerprint)?.message !== entry.message)).toBe(true);

    const check = runCli(['v0.11', '--no-fetch', '--check', '--baseline', oldBaseline, '--format', 'json'], { cwd: fixture.clone });
    const unexpected = report.findings.filter((finding) => !accepted.some((entry) => entry.fingerprint === finding.fingerprint));
    expect(check.stderr).not.toMatch(/baseline entry .* no longer matches/);
    expect(check.status).toBe(unexpected.length === 0 ? 0 : 1);
  });
});

describe.skipIf(!hasBuildkitFixture)('the buildkit night', () => {
  it(hasBuildkitFixture ? 'keeps every fingerprint v0.1.0 gave it' : buildkitSkipReason, () => {
    const before = readFileSync(`${projectRoot}/fixtures/baselines/buildkit-seed-v0.1.0.fingerprints.txt`, 'utf8').trim().split('\n');
    const { stdout } = runCli(['--diff-file', buildkitFixture, '--format', 'json']);
    const now = (JSON.parse(stdout) as Report).findings.map((finding) => finding.fingerprint);
    expect(before.filter((fingerprint) => !now.includes(fingerprint))).toEqual([]);
  });
});
