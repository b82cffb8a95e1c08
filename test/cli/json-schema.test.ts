import { describe, expect, it } from 'vitest';
import { diffFixture } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';
import { schemaErrors } from '../helpers/schema.js';

describe('--format json against schema/report.schema.json', () => {
  it.each(['default-prefixes.diff', 'fenced.diff.md', 'combined.diff', 'hostile.diff', 'plain-unified.diff'])('%s validates', (name) => {
    const { status, stdout } = runCli(['--diff-file', diffFixture(name), '--format', 'json']);
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(schemaErrors(report)).toEqual([]);
    expect(report).toMatchObject({ schemaVersion: 1, mode: 'diff-file', mergeBase: null, commits: null });
  });

  it('rejects a report that breaks the schema, so the test above can fail', () => {
    const report = JSON.parse(runCli(['--diff-file', diffFixture('default-prefixes.diff'), '--format', 'json']).stdout);
    report.files[0].status = 'changed';
    delete report.findings;
    expect(schemaErrors(report).length).toBeGreaterThanOrEqual(2);
  });
});
