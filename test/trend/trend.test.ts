import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mermaidLineChart } from '../../src/reporters/trend/mermaidChart.js';
import { trendPoint } from '../../src/trend/trendPoint.js';
import { aDependency, aFinding } from '../check/builders.js';
import { diffFixture } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';
import { scratchDir } from '../helpers/scratch.js';
import { aCommit, aFile, aGitReport, aHunk, noCommits } from '../reporters/builders.js';

/** A night's report: `carried` fork files, `missing` upstream commits of which `fixes` are fixes. */
function night(carried: number, missing: number, fixes: number, sha: string) {
  const files = Array.from({ length: carried }, (_, index) => aFile(`fork/${index}.go`, [aHunk({ side: 'fork' })]));
  files.push(aFile('vendor.go', [aHunk({ side: 'upstream' })]));
  const commits = Array.from({ length: missing }, (_, index) =>
    aCommit(`${sha}${index}`, `commit ${index}`, { isFix: index < fixes, security: index === 0 ? ['CVE-2024-1'] : [] }));
  const findings = [aFinding({ category: 'workflow' }), ...Array.from({ length: fixes }, (_, index) => aDependency(`m${index}`, 'downgrade'))];
  const report = aGitReport(files, findings, { commits: noCommits({ missingFromFork: commits }) });
  return { ...report, fork: { remote: 'origin', ref: 'v0.11', sha: sha.repeat(40).slice(0, 40) } };
}

describe('trendPoint', () => {
  it('totals one report: carried files, missing commits and fixes, findings by category', () => {
    expect(trendPoint('n1', night(3, 5, 2, 'a'))).toMatchObject({
      label: 'n1', ref: 'v0.11', carriedFiles: 3, missingCommits: 5, missingFixes: 2, securityFixes: 1, totalFindings: 3,
      findings: { workflow: 1, 'vendored-deps': 2, other: 0 },
    });
  });
});

describe('mermaidLineChart', () => {
  it('keeps a hostile file name from breaking the chart', () => {
    const chart = mermaidLineChart('Findings', 'findings', ['ok-2024-05-01', 'x"]\n```\n<script>'], [1, 12]);
    expect(chart).toEqual([
      '```mermaid', 'xychart-beta', '  title "Findings"', '  x-axis ["ok-2024-05-01", "x________script_"]', '  y-axis "findings" 0 --> 20', '  line [1, 12]', '```',
    ]);
  });
});

describe('forkdiff trend (the built binary)', () => {
  it('reads a directory of nightly JSON reports in name order, old and new, and writes markdown with Mermaid charts', () => {
    const directory = scratchDir('trend');
    writeFileSync(join(directory, 'drift-2024-05-02.json'), JSON.stringify(night(4, 7, 3, 'b')));
    // As v0.1.0 wrote them: no headline, no sync, no finding commits.
    const old = night(2, 3, 1, 'a');
    const findings = old.findings.map(({ commits: _c, line: _l, lineIn: _i, ...rest }) => rest);
    writeFileSync(join(directory, 'drift-2024-05-01.json'), JSON.stringify({ ...old, sync: undefined, findings }));
    writeFileSync(join(directory, 'notes.txt'), 'not a report');
    const output = join(directory, 'trend.md');
    const { status, stderr } = runCli(['trend', directory, '--format', 'markdown', '--output', output]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const markdown = readFileSync(output, 'utf8');
    expect(markdown).toContain('| drift-2024-05-01 | aaaaaaaaaaaa | 2 | 3 | 1 | 1 | 2 |\n| drift-2024-05-02 | bbbbbbbbbbbb | 4 | 7 | 3 | 1 | 4 |');
    expect(markdown).toContain(['```mermaid', 'xychart-beta', '  title "Upstream commits missing from the fork"', '  x-axis ["drift-2024-05-01", "drift-2024-05-02"]', '  y-axis "commits" 0 --> 8', '  line [3, 7]', '```'].join('\n'));
    expect(markdown).toContain('  line [1, 3]');
    const table = runCli(['trend', join(directory, 'drift-2024-05-01.json'), join(directory, 'drift-2024-05-02.json')]);
    expect(table.stdout.split('\n').slice(0, 4).join('\n')).toMatch(/Report\s+Fork\s+Carried files.*\n─+.*\ndrift-2024-05-01\s+aaaaaaaaaaaa\s+2\s+3\s+1\s+1\s+2\ndrift-2024-05-02/);
  });

  it('charts no history it does not have (a saved diff), and rejects what is not a report', () => {
    const directory = scratchDir('trend-saved');
    const saved = runCli(['--diff-file', diffFixture('default-prefixes.diff'), '--format', 'json']);
    writeFileSync(join(directory, 'a.json'), saved.stdout);
    const markdown = runCli(['trend', directory, '--format', 'markdown']).stdout;
    expect(markdown).toContain('| a | — | — | — | — | — |');
    expect(markdown).toContain('## Files the fork carries\n\n_Not charted: some reports were made without history (a saved diff)._');
    expect(markdown).toContain('## Findings\n\n```mermaid');
    writeFileSync(join(directory, 'b.json'), '{"schemaVersion": 2}');
    const bad = runCli(['trend', directory]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(`forkdiff: ${join(directory, 'b.json')}: not a forkdiff JSON report (schemaVersion 1): write one with --format json\n`);
  });
});
