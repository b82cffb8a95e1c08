import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { diffFixture } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';
import { schemaErrors } from '../helpers/schema.js';
import { scratchDir } from '../helpers/scratch.js';

/** Issue 15's reproducers, each through the built binary: exit 0 with a schema-valid report, or one line and exit 2. */
const lines = (...parts: string[]): string => `${parts.join('\n')}\n`;
const modified = (path: string): string => lines(`diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`, '@@ -1 +1 @@', '-a', '+b');

/** The JSON report of a saved diff given on stdin; it must be schema-valid, with nothing on stderr. */
function reportOf(diff: string): Report {
  const { status, stdout, stderr } = runCli(['--diff-file', '-', '--format', 'json'], { input: diff });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  const report = JSON.parse(stdout) as Report;
  expect(schemaErrors(report)).toEqual([]);
  return report;
}

describe('broken saved diffs (the built binary)', () => {
  it('a hunk whose first line is "\\ No newline at end of file"', () => {
    const report = reportOf(lines('diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1 +1 @@', '\\ No newline at end of file', '-a', '+b'));
    expect(report.files.map((file) => [file.path, file.additions, file.deletions])).toEqual([['x', 1, 1]]);
  });

  it.each([
    ['diff --git xx', lines('diff --git xx', '@@ -1 +1 @@', '-a', '+b')],
    ['rename to with nothing after it', lines('diff --git  ', 'similarity index 90%', 'rename from x', 'rename to ')],
    ['/dev/null on both sides', lines('--- /dev/null', '+++ /dev/null', '@@ -1 +1 @@', '-a', '+b')],
  ])('a section with no file name (%s) is left out with a notice', (_name, broken) => {
    const report = reportOf(broken + modified('kept'));
    expect(report.files.map((file) => file.path)).toEqual(['kept']);
    expect(report.notices).toEqual([expect.stringMatching(/^left out a file section with no readable file name, starting "/)]);
  });

  it('CR-only line ends: no empty path, the problem is said', () => {
    const report = reportOf(modified('x').replace(/\n/g, '\r'));
    expect(report.files).toEqual([]);
    expect(report.notices).toEqual([expect.stringMatching(/^left out a file section with no readable file name, starting "diff --git a\/x b\/x\\r--- a\/x/)]);
  });

  it('similarity outside 0–100 is ignored with a notice', () => {
    const report = reportOf(lines('diff --git a/x b/y', 'similarity index 999%', 'rename from x', 'rename to y'));
    expect(report.files.map((file) => [file.path, file.similarity])).toEqual([['y', null]]);
    expect(report.notices).toEqual(['ignored "similarity index 999%": not a percentage from 0 to 100']);
  });

  it('hunk counts that overflow: the hunk\'s lines are left out with a notice, never a null count', () => {
    const report = reportOf(lines('diff --git a/x b/x', '--- a/x', '+++ b/x', `@@ -1,${'9'.repeat(400)} +1 @@`, '-a', '+b') + modified('y'));
    expect(report.files.map((file) => [file.path, file.hunks.length])).toEqual([['x', 0], ['y', 1]]);
    expect(report.notices).toEqual([expect.stringMatching(/^x: unreadable hunk header "@@ -1,9999.*; its lines are left out$/)]);
  });

  it('a plain diff hunk whose count is too long does not swallow the next file\'s header', () => {
    const report = reportOf(lines('--- a/one.txt', '+++ b/one.txt', '@@ -1,20 +1,20 @@', '-a', '+b', '--- a/Dockerfile', '+++ b/Dockerfile', '@@ -1 +1 @@', '-FROM alpine AS base', '+FROM ubuntu AS base'));
    expect(report.files.map((file) => [file.path, file.categories])).toEqual([['one.txt', ['other']], ['Dockerfile', ['dockerfile']]]);
    expect(report.findings.map((finding) => finding.kind)).toEqual(['base-image']);
  });
});

describe('a diff with a problem in every hunk (the built binary)', () => {
  it('prints the first 100 notices and one line counting the rest, not one line each', () => {
    const truncated = Array.from({ length: 2_000 }, (_, index) => lines(`diff --git a/f${index} b/f${index}`, `--- a/f${index}`, `+++ b/f${index}`, '@@ -1,5 +1,5 @@', '-a', '+b'));
    const { status, stdout } = runCli(['--diff-file', '-'], { input: truncated.join('') });
    expect(status).toBe(0);
    const notices = stdout.split('\n').filter((line) => line.startsWith('! '));
    expect(notices).toHaveLength(101);
    expect(notices.at(-1)).toBe('! … and 1900 more problems in the diff, not listed');
  });
});

describe('configs and baselines (the built binary)', () => {
  const diff = diffFixture('analysers/dockerfile.diff');

  it('a glob longer than 64 KiB: one line, exit 2, not a picomatch stack', () => {
    const directory = scratchDir('glob');
    writeFileSync(join(directory, '.forkdiff.yml'), `ignore: ['${'*'.repeat(70_000)}']\n`);
    const { status, stderr } = runCli(['--diff-file', diff], { cwd: directory });
    expect(status).toBe(2);
    expect(stderr).toMatch(/^forkdiff: \.forkdiff\.yml: ignore\[0\]: must be at most 1024 characters long \(got "\*+…\)\n$/);
  });

  it('an oversize baseline: one line, exit 2, before reading it', () => {
    const directory = scratchDir('baseline');
    writeFileSync(join(directory, '.forkdiff-baseline.json'), '');
    truncateSync(join(directory, '.forkdiff-baseline.json'), 100 * 1024 * 1024); // sparse
    const { status, stderr } = runCli(['--diff-file', diff, '--check'], { cwd: directory });
    expect(status).toBe(2);
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/baseline is 100 MiB, more than the 64 MiB forkdiff reads: run `forkdiff baseline` to regenerate it$/)]);
  });

  it('a baseline with a UTF-8 byte order mark is valid', () => {
    const directory = scratchDir('bom');
    const { findings } = JSON.parse(runCli(['--diff-file', diff, '--format', 'json']).stdout) as Report;
    expect(findings.length).toBeGreaterThan(0);
    const accepted = findings.map(({ fingerprint, category, kind, path, message }) => ({ fingerprint, category, kind, path, message }));
    writeFileSync(join(directory, '.forkdiff-baseline.json'), `\ufeff${JSON.stringify({ version: 1, accepted }, null, 2)}\n`);
    const { status, stderr } = runCli(['--diff-file', diff, '--check'], { cwd: directory });
    expect(stderr).toMatch(/^forkdiff check: no unexpected drift \(0 expected by rules, \d+ by baseline\)\n$/);
    expect(status).toBe(0);
  });

  it('a stale baseline of thousands of entries: the warnings are summed up with a count', () => {
    const directory = scratchDir('stale');
    const accepted = Array.from({ length: 5_000 }, (_, index) => ({ fingerprint: `gone${index}`, category: 'other', kind: 'changed', path: `f${index}`, message: 'm' }));
    writeFileSync(join(directory, '.forkdiff-baseline.json'), JSON.stringify({ version: 1, accepted }));
    const { stderr } = runCli(['--diff-file', diff, '--check'], { cwd: directory });
    const warnings = stderr.split('\n').filter((line) => line.startsWith('warning: '));
    expect(warnings).toHaveLength(21);
    expect(warnings.at(-1)).toBe('warning: … and 4980 more baseline entries no longer match: run `forkdiff baseline` to refresh');
  });
});
