import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { diffFixture } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';
import { schemaErrors } from '../helpers/schema.js';
import { scratchDir } from '../helpers/scratch.js';

/**
 * fixtures/diffs/hostile-paths.diff, made with real git: a go.mod module
 * named `::stop-commands::pwned` (and an unchanged `::add-mask::secret`), a
 * Dockerfile under `::warning title=pwned::/`, Dockerfiles under directories
 * whose names hold CR, LF and U+2028, `src/ma<U+200B>in.go` with a legacy
 * `##[warning]` in a context line, two non-UTF-8 names (`\xfe.txt`,
 * `\xff.txt`) and a CRLF line turned LF.
 */
const hostile = diffFixture('hostile-paths.diff');

/** Lines the GitHub runner would read as a workflow command (it trims leading whitespace first), or a legacy `##[` one. */
const injectedCommands = (text: string): string[] =>
  text.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes('##['));

// Invisible and line-breaking characters that must never be printed raw.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u2028\u2029\u202e]/;

describe('no report line can inject a GitHub workflow command', () => {
  it.each(['table', 'markdown', 'json', 'html', 'sarif'])('--format %s', (format) => {
    const { status, stdout, stderr } = runCli(['--diff-file', hostile, '--format', format]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('stop-commands::pwned'); // the text is shown, only defused
    // SARIF names files by URI, percent-encoded.
    expect(stdout).toContain(format === 'sarif' ? '%3A%3Awarning%20title%3Dpwned%3A%3A/Dockerfile' : 'warning title=pwned::/Dockerfile');
    expect(injectedCommands(stdout)).toEqual([]);
  });

  it('keeps the JSON values exact: the defused text parses back to the original', () => {
    const report = JSON.parse(runCli(['--diff-file', hostile, '--format', 'json']).stdout) as Report;
    expect(schemaErrors(report)).toEqual([]);
    expect(report.findings.map((finding) => finding.details.module)).toContain('::stop-commands::pwned');
    expect(report.files.map((file) => file.path)).toContain('::warning title=pwned::/Dockerfile');
    const main = report.files.find((file) => file.path.startsWith('src/ma'));
    expect(main?.hunks[0]?.lines.map((line) => line.content)).toContain('// ##[warning]legacy command');
  });

  it('--check in GitHub Actions: annotations, the check text and the job summary', () => {
    const directory = scratchDir('gha');
    const summary = join(directory, 'summary.md');
    const { status, stdout, stderr } = runCli(['--diff-file', hostile, '--check'], {
      cwd: directory,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(status).toBe(1);
    const ownAnnotations = stdout.split('\n').filter((line) => /^::(error file=|warning title=forkdiff::)/.test(line));
    expect(ownAnnotations.length).toBeGreaterThanOrEqual(5);
    expect(ownAnnotations.some((line) => line.includes('stop-commands::pwned'))).toBe(true);
    const others = stdout.split('\n').filter((line) => !ownAnnotations.includes(line));
    expect(injectedCommands(others.join('\n'))).toEqual([]);
    expect(injectedCommands(stderr)).toEqual([]);
    expect(stderr).toContain('\\x3a:stop-commands::pwned');
    const jobSummary = readFileSync(summary, 'utf8');
    expect(jobSummary).toContain('stop-commands::pwned');
    expect(injectedCommands(jobSummary)).toEqual([]);
  });
});

describe('line terminators and invisible characters in paths', () => {
  it('categorise a Dockerfile under ci\\rx/, ci\\nz/ and ci\\u2028y/ as a Dockerfile, with its finding', () => {
    const report = JSON.parse(runCli(['--diff-file', hostile, '--format', 'json']).stdout) as Report;
    for (const path of ['ci\rx/Dockerfile', 'ci\nz/Dockerfile', 'ci\u2028y/Dockerfile']) {
      expect(report.files.find((file) => file.path === path)?.categories, JSON.stringify(path)).toEqual(['dockerfile']);
      expect(report.findings.filter((finding) => finding.path === path).map((finding) => finding.kind)).toEqual(['base-image']);
    }
  });

  it('fails --check on them instead of passing', () => {
    const { status, stderr } = runCli(['--diff-file', hostile, '--check', '-c', 'dockerfile'], { cwd: scratchDir('check') });
    expect(status).toBe(1);
    expect(stderr).toContain('dockerfile  ci\\rx/Dockerfile  base image');
  });

  it.each(['table', 'markdown', 'html'])('shows them visibly in --format %s', (format) => {
    const { stdout } = runCli(['--diff-file', hostile, '--format', format]);
    expect(stdout).not.toMatch(INVISIBLE);
    // eslint-disable-next-line no-control-regex
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const backslash = format === 'markdown' ? '\\\\' : '\\'; // markdown cells escape the backslash of `\r`
    for (const shown of ['ci\\rx/Dockerfile', 'ci\\nz/Dockerfile', 'ci\\u2028y/Dockerfile', 'src/ma\\u200bin.go']) {
      expect(stdout).toContain(shown.replace('\\', backslash));
    }
  });

  it('shows them in annotations and the job summary', () => {
    const directory = scratchDir('gha');
    const summary = join(directory, 'summary.md');
    const { stdout } = runCli(['--diff-file', hostile, '--check'], { cwd: directory, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary } });
    expect(stdout).toContain('::error file=ci\\u2028y/Dockerfile,');
    expect(stdout).toContain('::error file=ci\\rx/Dockerfile,');
    const jobSummary = readFileSync(summary, 'utf8');
    expect(jobSummary).not.toMatch(INVISIBLE);
    expect(jobSummary).toContain('ci\\\\rx/Dockerfile');
  });
});

describe('fidelity', () => {
  it('keeps two non-UTF-8 names distinct and visible', () => {
    const report = JSON.parse(runCli(['--diff-file', hostile, '--format', 'json']).stdout) as Report;
    const names = report.files.map((file) => file.path).filter((path) => path.endsWith('.txt') && path !== 'crlf.txt');
    expect(names.sort()).toEqual(['\\xfe.txt', '\\xff.txt']);
    expect(runCli(['--diff-file', hostile]).stdout).not.toContain('\ufffd');
  });

  it('shows a CRLF line turned LF as a change, with its \\r', () => {
    const report = JSON.parse(runCli(['--diff-file', hostile, '--format', 'json']).stdout) as Report;
    const crlf = report.files.find((file) => file.path === 'crlf.txt');
    expect(crlf?.hunks[0]?.lines).toEqual([
      { type: 'del', content: 'first\r' },
      { type: 'add', content: 'first' },
      { type: 'normal', content: 'second\r' },
    ]);
    expect(runCli(['--diff-file', hostile, '--format', 'markdown']).stdout).toContain('\n-first\\r\n+first\n');
  });

  it('escapes <summary> lines as HTML, not markdown', () => {
    const diff = 'diff --git a/cache/azblob_test.go b/cache/azblob_test.go\n--- a/cache/azblob_test.go\n+++ b/cache/azblob_test.go\n@@ -1 +1 @@\n-a<b>&\n+c\n';
    const { stdout } = runCli(['--diff-file', '-', '--format', 'markdown'], { input: diff.replace(/azblob_test/g, 'azblob_<i>test') });
    expect(stdout).toContain('<summary>cache/azblob_&lt;i&gt;test.go (+1 −1)</summary>');
    expect(runCli(['--diff-file', '-', '--format', 'markdown'], { input: diff }).stdout).toContain('<summary>cache/azblob_test.go (+1 −1)</summary>');
  });

  it('escapes control characters in an error that echoes the user\'s path', () => {
    const { status, stderr } = runCli(['--diff-file', 'no\u001b[2Jsuch\u200b.diff']);
    expect(status).toBe(2);
    expect(stderr).toBe('forkdiff: cannot read diff file no\\x1b[2Jsuch\\u200b.diff: no such file (check the path, or pass - to read stdin)\n');
  });
});
