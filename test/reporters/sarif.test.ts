import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import { sarifReporter } from '../../src/reporters/sarif/sarif.js';
import { aFinding, aReport } from '../check/builders.js';
import { sarifErrors } from '../helpers/sarifSchema.js';

const secret = aFinding({ category: 'workflow', kind: 'secret-referenced', path: '.github/workflows/build.yml', message: 'secret DEPLOY_KEY newly referenced', line: 27, lineIn: 'fork' });
const nilCheck = aFinding({ category: 'reverted-fixes', kind: 'missing-fix', path: 'solver/sbom.go', message: 'fork lacks upstream nil check', side: 'upstream', line: 12, lineIn: 'upstream' });
const lowConfidence = aFinding({ category: 'reverted-fixes', kind: 'missing-fix', path: 'dir with space/ü#1.go', message: 'maybe a guard', confidence: 'low' });
const secondSecret = aFinding({ category: 'workflow', kind: 'secret-referenced', path: '.github/workflows/build.yml', message: 'secret X newly referenced', line: 30, lineIn: 'fork' });

const sarif = (findings: Finding[]) => JSON.parse([...sarifReporter([aReport(findings)], { isColor: false, width: 120 })].join(''));

describe('sarifReporter', () => {
  it('is valid SARIF 2.1.0, with one result per finding and one rule per kind', () => {
    const log = sarif([secret, nilCheck, lowConfidence, secondSecret]);
    expect(sarifErrors(log)).toEqual([]);
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe('forkdiff');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(['reverted-fixes/missing-fix', 'workflow/secret-referenced']);
    expect(run.results).toHaveLength(4);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(run.automationDetails).toEqual({ id: 'forkdiff/v0.11/' });
  });

  it('points at the fork\'s line, names upstream\'s line apart, and keeps the fingerprint', () => {
    const [first, second, third] = sarif([secret, nilCheck, lowConfidence]).runs[0].results;
    expect(first.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: '.github/workflows/build.yml' }, region: { startLine: 27 } });
    expect(first.partialFingerprints).toEqual({ 'forkdiffFingerprint/v1': secret.fingerprint });
    expect(first.level).toBe('warning');
    // Upstream's line 12 is not line 12 of the fork's file: the file alone, the line in words and as a related location.
    expect(second.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'solver/sbom.go' } });
    expect(second.message.text).toBe("fork lacks upstream nil check (at line 12 of upstream's solver/sbom.go)");
    expect(second.relatedLocations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'solver/sbom.go', uriBaseId: 'UPSTREAM' }, region: { startLine: 12 } });
    expect(second.properties).toMatchObject({ side: 'upstream', lineIn: 'upstream', line: 12 });
    // No line known yet: the file without a region; paths as URI references.
    expect(third.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'dir%20with%20space/%C3%BC%231.go' } });
    expect(third.level).toBe('note');
  });

  it('is a valid log with no findings, and the schema check itself can fail', () => {
    const empty = sarif([]);
    expect(sarifErrors(empty)).toEqual([]);
    expect(empty.runs[0].results).toEqual([]);
    const broken = sarif([secret]);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.version;
    expect(sarifErrors(broken).length).toBeGreaterThanOrEqual(2);
  });
});
