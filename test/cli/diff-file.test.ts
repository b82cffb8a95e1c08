import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, diffFixture } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';
import { scratchDir } from '../helpers/scratch.js';

const fixture = diffFixture('default-prefixes.diff');

describe('forkdiff --diff-file (the built binary)', () => {
  it('prints the summary and per-category tables, exit 0, nothing on stderr', () => {
    const { status, stdout, stderr } = runCli(['--diff-file', fixture]);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('forkdiff  upstream → fork\nfrom a saved diff (no history');
    expect(stdout).toMatch(/Total \(distinct\)\s+10\s+8\s+\+10\s+−6\s/);
    expect(stdout).toMatch(/New files in the fork\s+docs\/new\.md\s+only in fork/);
    expect(stdout).toMatch(/renamed; upstream path src\/to-rename\.txt \(79% similar\)/);
    expect(stdout).toMatch(/logo\.png\s+modified, binary/);
    expect(stdout).toMatch(/run\.sh\s+modified, mode 100644 → 100755/);
  });

  it('reads stdin with --diff-file -', () => {
    const { status, stdout } = runCli(['--diff-file', '-', '--format', 'json'], { input: readFileSync(fixture, 'utf8') });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).totals).toEqual({ files: 10, hunks: 8, additions: 10, deletions: 6 });
  });

  it('gives byte-identical markdown on two runs', () => {
    const first = runCli(['--diff-file', diffFixture('fenced.diff.md'), '--format', 'markdown']);
    const second = runCli(['--diff-file', diffFixture('fenced.diff.md'), '--format', 'markdown']);
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(first.stdout).toContain('# forkdiff: upstream/v0.11 → origin/v0.11');
    expect(first.stdout.match(/<details>/g)?.length).toBe(first.stdout.match(/<\/details>/g)?.length);
  });

  it('filters by --category in every format', () => {
    const json = JSON.parse(runCli(['--diff-file', fixture, '--format', 'json', '--category', 'other']).stdout);
    expect(json.files.length).toBeGreaterThan(0);
    expect(json.files.every((file: { categories: string[] }) => file.categories.includes('other'))).toBe(true);
    const table = runCli(['--diff-file', fixture, '-c', 'workflow']).stdout;
    expect(table).not.toContain('docs/new.md');
  });

  it('writes --output atomically and leaves no temporary file', () => {
    const directory = scratchDir('out');
    const output = join(directory, 'drift.md');
    writeFileSync(output, 'previous report\n');
    const { status, stdout } = runCli(['--diff-file', fixture, '--format', 'markdown', '--output', output]);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(output, 'utf8')).toMatch(/^<!-- forkdiff report: .* -->\n# forkdiff: /);
    expect(readdirSync(directory)).toEqual(['drift.md']);
  });

  it('keeps the previous report when the new one cannot be made', () => {
    const directory = scratchDir('out');
    const output = join(directory, 'drift.md');
    writeFileSync(output, 'previous report\n');
    const { status } = runCli(['--diff-file', diffFixture('not-a-diff.txt'), '--output', output]);
    expect(status).toBe(2);
    expect(readFileSync(output, 'utf8')).toBe('previous report\n');
    expect(readdirSync(directory)).toEqual(['drift.md']);
  });

  it('colours only when asked: FORCE_COLOR on, NO_COLOR and --no-color off', () => {
    const ansi = new RegExp(String.fromCharCode(27) + '\\[');
    expect(runCli(['--diff-file', fixture]).stdout).not.toMatch(ansi);
    expect(runCli(['--diff-file', fixture], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(ansi);
    expect(runCli(['--diff-file', fixture, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toMatch(ansi);
  });

  it('fits tables into the terminal width by wrapping cells, never cutting them', () => {
    const { stdout } = runCli(['--diff-file', diffFixture('custom-prefixes.diff')], { env: { COLUMNS: '60' } });
    const tableLines = stdout.split('\n').filter((line) => line.includes('──') || /^\S.*\s{2,}\S/.test(line));
    expect(tableLines.length).toBeGreaterThan(5);
    for (const line of stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(stdout).not.toContain('…');
    expect(stdout).toContain('(79% similar)');
    expect(stdout).toMatch(/src\/ +renamed;[^\n]*\n +renamed\.txt/);
  });
});

describe('a reader that closes the pipe early (forkdiff … | head)', () => {
  it('ends quietly with exit 0, no EPIPE stack', () => {
    // The report must outgrow the pipe's buffer (64 KiB), or head never closes it on a writer.
    const manyFiles = Array.from({ length: 3000 }, (_, index) => `diff --git a/f${index}.go b/f${index}.go\n--- a/f${index}.go\n+++ b/f${index}.go\n@@ -1 +1 @@\n-old ${index}\n+new ${index}\n`).join('');
    const big = join(scratchDir('pipe'), 'big.diff');
    writeFileSync(big, manyFiles);
    const result = spawnSync('sh', ['-c', `node "${cliPath}" --diff-file "${big}" --format markdown | head -2`], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/^<!-- forkdiff report: .* -->\n# forkdiff: /);
    expect(result.stderr).toBe('');
  });
});

describe('untrusted diff text', () => {
  const hostile = diffFixture('hostile.diff');

  it('never reaches the terminal with raw control characters', () => {
    const { status, stdout } = runCli(['--diff-file', hostile, '--format', 'table']);
    expect(status).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
  });

  it('cannot break the markdown report structure', () => {
    const { stdout } = runCli(['--diff-file', hostile, '--format', 'markdown']);
    // eslint-disable-next-line no-control-regex
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    // Outside fenced code, only forkdiff's own HTML remains; the hunk's </details><script> stays inside its fence.
    const outsideFences = stdout.replace(/^(`{3,})diff\n[\s\S]*?^\1$/gm, '');
    expect(outsideFences.match(/<details>/g)).toHaveLength(1);
    expect(outsideFences.match(/<\/details>/g)).toHaveLength(1);
    expect(outsideFences).not.toContain('<script>');
    const fenceOpen = stdout.split('\n').find((line) => /^`{3,}diff$/.test(line)) ?? '';
    expect(fenceOpen.length - 'diff'.length).toBeGreaterThan(4); // longer than the ```` run in the hunk
  });
});

describe('errors: one line, exit 2, no stack', () => {
  it.each([
    [['--diff-file', 'does-not-exist.diff'], /^forkdiff: cannot read diff file does-not-exist\.diff: no such file/],
    [['--diff-file', diffFixture('empty.diff')], /is empty: save the output of git diff into it$/],
    [['--diff-file', diffFixture('not-a-diff.txt')], /is not a diff: no "diff --git" or "--- \/ \+\+\+" file header found/],
    [['--diff-file', fixture, '--format', 'xml'], /^forkdiff: unknown format "xml": choose table, markdown, json, html, sarif$/],
    [['--diff-file', fixture, '--category', 'nope'], /^forkdiff: unknown category "nope": choose from workflow, /],
    [['--diff-file', fixture, 'v0.11'], /^forkdiff: give either refs \(git mode\) or --diff-file, not both$/],
    [['--frobnicate'], /^forkdiff: unknown option '--frobnicate' \(see forkdiff --help\)$/],
    [['--diff-file', fixture, '--output', '/nonexistent-dir/x.md'], /^forkdiff: cannot write \/nonexistent-dir\/x\.md: directory/],
    [['--diff-file', fixture, '--output', tmpdir()], /^forkdiff: cannot write .*: it is a directory \(name a file in it\)$/],
  ])('%j', (args, message) => {
    const { status, stdout, stderr } = runCli(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(message);
  });
});

describe('a module row in the report', () => {
  it('lists every vendored file of its module, also those read after the row was made', () => {
    const { status, stdout } = runCli(['--diff-file', diffFixture('../diffs/analysers/deps-go.diff'), '--format', 'json']);
    expect(status).toBe(0);
    const findings = (JSON.parse(stdout) as { findings: { details: Record<string, unknown> }[] }).findings;
    const vendoredOf = (module: string) => findings.find((finding) => finding.details['module'] === module)?.details['vendoredFiles'];
    expect(vendoredOf('github.com/patched/thing')).toEqual(['vendor/github.com/patched/thing/sub/file.go', 'vendor/github.com/patched/thing/other.go']);
    expect(vendoredOf('golang.org/x/sys')).toEqual(['vendor/golang.org/x/sys/unix/zerrors.go']);
  });
});
