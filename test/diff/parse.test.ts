import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDiffText } from '../../src/diff/parse.js';
import type { FileDiff } from '../../src/model.js';
import { diffFixture } from '../helpers/paths.js';

const parseFixture = async (name: string) => parseDiffText(readFileSync(diffFixture(name), 'utf8'));
const byPath = (files: FileDiff[], path: string): FileDiff => {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in ${files.map((candidate) => candidate.path).join(', ')}`);
  return file;
};

// The same change, saved four ways: default a/ b/ prefixes, none, the nightly job's custom ones, and fenced.
describe.each([
  ['default-prefixes.diff', { src: 'a/', dst: 'b/' }],
  ['no-prefix.diff', { src: '', dst: '' }],
  ['custom-prefixes.diff', { src: 'upstream/v0.11/', dst: 'origin/v0.11/' }],
  ['fenced.diff.md', { src: 'upstream/v0.11/', dst: 'origin/v0.11/' }],
])('%s', (name, prefixes) => {
  it('finds every file with the right prefixes, paths and status', async () => {
    const { files, prefixes: detected } = await parseFixture(name);
    expect(detected).toEqual(prefixes);
    expect(files.map((file) => [file.path, file.status])).toEqual([
      ['dir with space/file name.txt', 'modified'],
      ['docs/new.md', 'added'],
      ['docs/old.md', 'deleted'],
      ['logo.png', 'modified'],
      ['run.sh', 'modified'],
      ['src/a.go', 'modified'],
      ['src/café.go', 'modified'],
      ['src/nonl.txt', 'modified'],
      ['src/renamed.txt', 'renamed'],
      ['src/we"ird\tname.txt', 'modified'],
    ]);
  });

  it('counts lines as git apply --numstat does', async () => {
    const { files } = await parseFixture(name);
    expect(files.map((file) => `${file.additions}/${file.deletions}`)).toEqual([
      '1/1', '2/0', '0/1', '0/0', '0/0', '3/0', '1/1', '1/1', '1/1', '1/1',
    ]);
  });

  it('keeps rename, binary and mode metadata that parse-diff loses', async () => {
    const { files } = await parseFixture(name);
    expect(byPath(files, 'src/renamed.txt')).toMatchObject({ oldPath: 'src/to-rename.txt', similarity: 79 });
    expect(byPath(files, 'logo.png')).toMatchObject({ isBinary: true, hunks: [] });
    expect(byPath(files, 'run.sh')).toMatchObject({ oldMode: '100644', newMode: '100755', hunks: [] });
    expect(byPath(files, 'docs/old.md')).toMatchObject({ oldMode: '100644', oldPath: null });
  });
});

describe('parsing details', () => {
  it('decodes unquoted unicode paths (core.quotePath=false) like quoted ones', async () => {
    const { files } = await parseFixture('unquoted-unicode.diff');
    expect(files.map((file) => file.path)).toContain('src/café.go');
  });

  it('reads hunk ranges, header context and line types', async () => {
    const { files } = await parseFixture('default-prefixes.diff');
    const [hunk] = byPath(files, 'src/renamed.txt').hunks;
    expect(hunk).toMatchObject({ header: '@@ -2,7 +2,7 @@ line1', oldStart: 2, oldLines: 7, newStart: 2, newLines: 7 });
    expect(hunk?.lines.filter((line) => line.type !== 'normal')).toEqual([
      { type: 'del', content: 'line5' },
      { type: 'add', content: 'line5 changed' },
    ]);
  });

  it('skips combined diffs with a notice and keeps the rest', async () => {
    const { files, notices } = await parseFixture('combined.diff');
    expect(files.map((file) => file.path)).toEqual(['kept.txt']);
    expect(notices).toEqual(['skipped combined (merge) diff for merged.txt: forkdiff reads two-sided diffs only']);
  });

  it('splits a plain diff -u at --- only between hunks, not at a deleted "-- " line', async () => {
    const { files } = await parseFixture('plain-unified.diff');
    expect(files.map((file) => [file.path, file.additions, file.deletions])).toEqual([
      ['config.txt', 1, 1],
      ['second.txt', 1, 0],
    ]);
  });

  it('treats CRLF line endings as line ends, and a lone CR as content', async () => {
    const text = 'diff --git a/x b/x\r\n--- a/x\r\n+++ b/x\r\n@@ -1 +1 @@\r\n-a\rb\r\n+c\r\n';
    const { files } = await parseDiffText(text);
    expect(files[0]?.hunks[0]?.lines).toEqual([{ type: 'del', content: 'a\rb' }, { type: 'add', content: 'c' }]);
  });

  it('gives the same hunk fingerprint when only line numbers differ', async () => {
    const at = (line: number): string => `diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -${line},2 +${line},2 @@\n ctx\n-old\n+new\n`;
    const [first, shifted] = await Promise.all([parseDiffText(at(3)), parseDiffText(at(300))]);
    const changed = await parseDiffText(at(3).replace('+new', '+newer'));
    expect(first.files[0]?.hunks[0]?.fingerprint).toBe(shifted.files[0]?.hunks[0]?.fingerprint);
    expect(first.files[0]?.hunks[0]?.fingerprint).not.toBe(changed.files[0]?.hunks[0]?.fingerprint);
  });

  it('says so when a hunk is shorter than its header (a truncated diff), and keeps what is there', async () => {
    const { files, notices } = await parseDiffText('diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n ctx\n-a\n');
    expect([files[0]?.additions, files[0]?.deletions]).toEqual([0, 1]);
    expect(notices).toEqual(['x: hunk @@ -1,3 +1,3 @@ has fewer lines than its header says (a truncated diff?)']);
  });

  it('says so when a hunk header cannot be read, instead of dropping its lines silently', async () => {
    const { files, notices } = await parseDiffText('diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ garbage @@\n-a\n+b\n');
    expect(files[0]?.hunks).toEqual([]);
    expect(notices).toEqual(['x: unreadable hunk header "@@ garbage @@"; its lines are left out']);
  });

  it('reports no problem for a well-formed diff', async () => {
    expect((await parseFixture('default-prefixes.diff')).notices).toEqual([]);
  });
});
