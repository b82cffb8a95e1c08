import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import type { Headline } from '../../src/reporters/headline.js';
import { isRowOnly } from '../../src/rowOnly.js';
import { displayWidth } from '../../src/text/displayWidth.js';
import { escapeMarkdown } from '../../src/text/markdown.js';
import { buildSeedFixture, git } from '../git/fixtureRepo.js';
import type { SeedFork } from '../../fixtures/forks/seed-shaped.mjs';
import { runCli } from '../helpers/runCli.js';
import { schemaErrors } from '../helpers/schema.js';
import { scratchDir } from '../helpers/scratch.js';

let fixture: SeedFork & { remove(): void };
let raw: string;
let json: Report & { headline: Headline };
let markdown: string;
let html: string;
beforeAll(async () => {
  fixture = await buildSeedFixture();
  json = JSON.parse(report('--format', 'json', '--fetch'));
  raw = git(fixture.clone, 'diff', 'upstream/v0.11', 'origin/v0.11');
  markdown = report('--format', 'markdown');
  html = report('--format', 'html');
});
afterAll(() => fixture.remove());

/** The built binary in the seed-shaped clone; fetches only when asked (the first run). */
function report(...args: string[]): string {
  const isFetch = args.includes('--fetch');
  const { status, stdout, stderr } = runCli(['v0.11', ...args.filter((arg) => arg !== '--fetch'), ...(isFetch ? [] : ['--no-fetch'])], { cwd: fixture.clone });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return stdout;
}

const upstreamVendorLine = '// Code vendored from github.com/containerd/containerd v1.2.0; DO NOT EDIT.';

describe('the nightly report of a fork shaped like the seed (git mode, the built binary)', () => {
  it('is a small fraction of the raw two-tip diff: markdown under a fifth, HTML under half', () => {
    expect(raw.length).toBeGreaterThan(150_000);
    expect(markdown.length / raw.length).toBeLessThan(0.2);
    expect(html.length / raw.length).toBeLessThan(0.5);
  });

  it('leads with the headline in JSON (schema-valid), security fixes called out by id', () => {
    expect(schemaErrors(json)).toEqual([]);
    expect(Object.keys(json).slice(0, 2)).toEqual(['schemaVersion', 'headline']);
    expect(json.headline.lacks).toMatchObject({ missingCommits: 33 });
    expect(json.headline.lacks.security.map((fix) => fix.ids).sort()).toEqual([['CVE-2024-23651'], ['GHSA-m3r6-h7wv-7xxv']]);
    expect(json.headline.carries.forkOnlyCommits).toBe(9);
    // The first line is the marker that keeps a committed report out of later audits.
    const [marker, ...lines] = markdown.split('\n');
    expect(marker).toMatch(/^<!-- forkdiff report: /);
    const { carries, both } = json.headline;
    expect(lines[4]).toMatch(new RegExp(`^- \\*\\*Carries:\\*\\* ${carries.files + both.files} files \\(${both.files} also changed by upstream\\), ${carries.hunks} hunks .*; 9 fork-only commits$`));
    expect(lines[5]).toMatch(/^- \*\*⚠ Lacks:\*\* 33 upstream commits \(\d+ read as fixes, 2 security\)/);
    expect(lines.slice(6, 8).join('\n')).toContain('CVE-2024-23651');
  });

  it('keeps every finding and prints every fork-side and both-side hunk in full (vendored ones stay rows)', () => {
    const counted = [...markdown.matchAll(/^### Findings \((\d+)\)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
    expect(counted).toBe(json.findings.length);
    for (const finding of json.findings) {
      if (finding.category !== 'vendored-deps') expect(markdown).toContain(escapeMarkdown(finding.message));
    }
    for (const file of json.files) {
      for (const hunk of file.hunks) {
        const changed = hunk.lines.find((line) => line.type !== 'normal');
        if (hunk.side === 'upstream' || !changed || isRowOnly(file)) continue;
        expect(markdown, `${file.path} ${hunk.header}`).toContain(`${changed.type === 'add' ? '+' : '-'}${changed.content}`);
      }
    }
    expect(markdown).not.toContain(upstreamVendorLine);
    expect(markdown).toMatch(/\| vendor: update github.com\/containerd\/containerd to v1\.2\.0 \| go\.sum, vendor\/github\.com\/containerd\/containerd\/ \(18 files\), vendor\/modules\.txt \|/);
  });

  it('lists each fork commit once: in the sync plan\'s carries, or, without a plan, under the commits', () => {
    const carries = json.sync?.carries ?? [];
    expect(carries.map((carry) => carry.sha).sort()).toEqual(json.commits?.forkOnly.map((commit) => commit.sha).sort());
    const subject = json.commits?.forkOnly[0]?.subject ?? '';
    expect(markdown.split('\n').filter((line) => line.includes(escapeMarkdown(subject)))).toHaveLength(1);
    expect(markdown).toContain("\n### Fork-only commits (9): the sync plan's carries list each, with what became of it\n");
    const unplanned = report('--format', 'markdown', '--no-sync');
    expect(unplanned).toContain('\n### Fork-only commits (9)\n');
    expect(unplanned.split('\n').filter((line) => line.includes(escapeMarkdown(subject)))).toHaveLength(1);
  });

  it('prints upstream-only hunks with --hunks all', () => {
    expect(report('--format', 'markdown', '--hunks', 'all')).toContain(upstreamVendorLine);
  });

  it('gives byte-identical markdown and HTML on two runs', () => {
    expect(report('--format', 'markdown')).toBe(markdown);
    expect(report('--format', 'html')).toBe(html);
  });

  it('says what changed --since an earlier JSON report, in the headline', () => {
    const previous = join(scratchDir('since'), 'drift.json');
    writeFileSync(previous, JSON.stringify({ ...json, findings: json.findings.slice(1), commits: { ...json.commits, missingFromFork: json.commits?.missingFromFork.slice(2) } }));
    const text = report('--format', 'markdown', '--since', previous);
    expect(text).toContain(`- **Since last report:** 1 new finding, 0 resolved, ${json.findings.length - 1} unchanged; missing upstream commits 31 → 33 (2 newly missing, 0 taken)`);
    const since = JSON.parse(report('--format', 'json', '--since', previous)) as { headline: Headline };
    expect(since.headline.since).toEqual({ newFindings: 1, resolvedFindings: 0, unchanged: json.findings.length - 1, missingCommits: { before: 31, now: 33, newlyMissing: 2, taken: 0 } });
  });

  it('fits a 60-column terminal without cutting a message', () => {
    const { stdout } = runCli(['v0.11', '--no-fetch'], { cwd: fixture.clone, env: { COLUMNS: '60' } });
    for (const line of stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(60);
    expect(stdout).not.toContain('…');
    const longest = json.findings.map((finding) => finding.message).reduce((a, b) => (b.length > a.length ? b : a));
    expect(longest.length).toBeGreaterThan(60);
    expect(stdout.replace(/\s+/g, ' ')).toContain(longest.replace(/\s+/g, ' '));
    const lines = stdout.split('\n');
    const carries = lines.findIndex((line) => line.startsWith('Carries: '));
    expect(carries).toBeGreaterThan(0);
    expect(carries).toBeLessThan(lines.findIndex((line) => line.startsWith('Total (distinct)')));
  });
});
