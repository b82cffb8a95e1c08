import { describe, expect, it } from 'vitest';
import { parseDiffText } from '../../src/diff/parse.js';

/** Reproducers from the fuzz campaign (issue 15), at the parser: a partial result and a notice, never a throw. */
const lines = (...parts: string[]): string => `${parts.join('\n')}\n`;

describe('a broken saved diff gives a partial result and a notice', () => {
  it('reads a hunk whose first line is "\\ No newline at end of file" (parse-diff throws on it)', async () => {
    const { files } = await parseDiffText(lines('diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1 +1 @@', '\\ No newline at end of file', '-a', '+b'));
    expect(files).toHaveLength(1);
    expect(files[0]?.hunks[0]?.lines).toEqual([{ type: 'del', content: 'a' }, { type: 'add', content: 'b' }]);
  });

  it.each([
    ['diff --git with one name', lines('diff --git xx', 'index 1..2 100644')],
    ['a rename to nothing', lines('diff --git  ', 'similarity index 90%', 'rename from x', 'rename to ')],
    ['/dev/null on both sides', lines('--- /dev/null', '+++ /dev/null', '@@ -1 +1 @@', '-a', '+b')],
    ['only prefixes', lines('diff --git a/ b/', '--- a/', '+++ b/', '@@ -1 +1 @@', '-a', '+b')],
  ])('leaves out a section with no readable file name: %s', async (_name, text) => {
    const { files, notices } = await parseDiffText(`${text}${lines('diff --git a/kept b/kept', '--- a/kept', '+++ b/kept', '@@ -1 +1 @@', '-a', '+b')}`);
    expect(files.map((file) => file.path)).toEqual(['kept']);
    expect(notices.filter((notice) => notice.startsWith('left out a file section with no readable file name'))).toHaveLength(1);
  });

  it('falls back to another name when one is empty', async () => {
    const first = lines('diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1 +1 @@', '-a', '+b');
    const rename = lines('diff --git a/old b/new', 'similarity index 90%', 'rename from old', 'rename to ', '--- a/old', '+++ b/new', '@@ -1 +1 @@', '-a', '+b');
    const { files } = await parseDiffText(first + rename);
    expect(files.map((file) => [file.path, file.oldPath, file.status])).toEqual([['x', null, 'modified'], ['new', 'old', 'renamed']]);
  });

  it.each(['999%', '-5%', 'abc%', '99999999999999999999%', '50'])('ignores similarity index %s, with a notice', async (value) => {
    const { files, notices } = await parseDiffText(lines('diff --git a/x b/y', `similarity index ${value}`, 'rename from x', 'rename to y'));
    expect(files[0]?.similarity).toBeNull();
    expect(notices).toEqual([`ignored "similarity index ${value}": not a percentage from 0 to 100`]);
  });

  it('leaves out the lines of a hunk whose counts overflow, with a notice', async () => {
    const huge = '9'.repeat(400);
    for (const text of [
      lines('diff --git a/x b/x', '--- a/x', '+++ b/x', `@@ -1,${huge} +1 @@`, '-a', '+b'),
      lines('diff --git a/x b/x', '--- a/x', '+++ b/x', '@@ -1 +9007199254740993 @@', '-a', '+b'),
    ]) {
      const { files, notices } = await parseDiffText(text);
      expect(files[0]?.hunks).toEqual([]);
      expect(notices).toEqual([expect.stringMatching(/^x: unreadable hunk header "@@ -1.*; its lines are left out$/)]);
    }
  });

  it('does not let a plain diff hunk that claims too many lines swallow the next file', async () => {
    const text = lines('--- a/one.txt', '+++ b/one.txt', '@@ -1,9 +1,9 @@', '-a', '+b', '--- a/two.txt', '+++ b/two.txt', '@@ -1 +1 @@', '-c', '+d');
    const { files, notices } = await parseDiffText(text);
    expect(files.map((file) => [file.path, file.additions, file.deletions])).toEqual([['one.txt', 1, 1], ['two.txt', 1, 1]]);
    expect(notices).toEqual(['one.txt: hunk @@ -1,9 +1,9 @@ has fewer lines than its header says (a truncated diff?)']);
  });

  it('lists the first 100 problems and counts the rest', async () => {
    const truncated = Array.from({ length: 500 }, (_, index) => lines(`diff --git a/f${index} b/f${index}`, `--- a/f${index}`, `+++ b/f${index}`, '@@ -1,5 +1,5 @@', '-a', '+b'));
    const { files, notices } = await parseDiffText(truncated.join(''));
    expect(files).toHaveLength(500);
    expect(notices).toHaveLength(101);
    expect(notices[0]).toBe('f0: hunk @@ -1,5 +1,5 @@ has fewer lines than its header says (a truncated diff?)');
    expect(notices[100]).toBe('… and 400 more problems in the diff, not listed');
  });

  it('still reads "--- " and "+++ " inside a hunk as lines when no @@ follows', async () => {
    const text = lines('--- a/sql.txt', '+++ b/sql.txt', '@@ -1,2 +1,2 @@', '--- a/comment', '+++ b/comment', ' kept');
    const { files } = await parseDiffText(text);
    expect(files).toHaveLength(1);
    expect(files[0]?.hunks[0]?.lines.map((line) => `${line.type}:${line.content}`)).toEqual(['del:-- a/comment', 'add:++ b/comment', 'normal:kept']);
  });
});
