import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { isOwnReport } from '../../src/ownReport.js';
import { buildFixture } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { diffFixture } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';
import { sarifErrors } from '../helpers/sarifSchema.js';

let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

describe('--format sarif', () => {
  it('on a fork: valid SARIF 2.1.0 with one result per finding of the JSON report, fingerprints carried over', () => {
    const { status, stdout } = runCli(['v0.11', '--format', 'sarif'], { cwd: fixture.clone });
    expect(status).toBe(0);
    const log = JSON.parse(stdout);
    expect(sarifErrors(log)).toEqual([]);
    const report = JSON.parse(runCli(['v0.11', '--no-fetch', '--format', 'json'], { cwd: fixture.clone }).stdout) as Report;
    const results = log.runs[0].results as { ruleId: string; partialFingerprints: Record<string, string> }[];
    expect(results.map((result) => result.partialFingerprints['forkdiffFingerprint/v1'])).toEqual(report.findings.map((finding) => finding.fingerprint));
    expect(new Set(results.map((result) => result.ruleId))).toEqual(new Set(report.findings.map((finding) => `${finding.category}/${finding.kind}`)));
    expect(log.runs[0].properties.fork).toEqual(report.fork);
  });

  it('of several refs: one run each, each its own code scanning category', () => {
    const log = JSON.parse(runCli(['v0.10', 'v0.11', '--format', 'sarif'], { cwd: fixture.clone }).stdout);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs.map((run: { automationDetails: { id: string } }) => run.automationDetails.id)).toEqual(['forkdiff/v0.10/', 'forkdiff/v0.11/']);
  });

  it.each(['analysers/workflow-github.diff', 'analysers/tests-languages.diff', 'unquoted-unicode.diff', 'hostile.diff'])('from a saved diff (%s): valid', (name) => {
    const { status, stdout } = runCli(['--diff-file', diffFixture(name), '--format', 'sarif']);
    expect(status).toBe(0);
    expect(sarifErrors(JSON.parse(stdout))).toEqual([]);
  });

  it('written into the repository, is recognised as forkdiff\'s own report', () => {
    const output = join(fixture.clone, 'drift.sarif');
    expect(runCli(['v0.11', '--no-fetch', '--format', 'sarif', '--output', output], { cwd: fixture.clone }).status).toBe(0);
    expect(isOwnReport(readFileSync(output, 'utf8').split('\n').slice(0, 10))).toBe(true);
  });
});
