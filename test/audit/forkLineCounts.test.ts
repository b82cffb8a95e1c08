import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadChangedRanges } from '../../src/attribution/changedRanges.js';
import { countedByRanges } from '../../src/audit/forkLineCounts.js';
import { createHistory } from '../../src/git/history.js';
import { openRepo } from '../../src/git/repo.js';
import { git } from '../git/fixtureRepo.js';

/**
 * A base and a fork tip with every kind of change numstat counts: edits at
 * the start, middle and end, a file emptied, a file without a final
 * newline, a binary file, a new file, a rename with edits, and a file
 * renamed onto a path of its own.
 */
let dir: string;
let base: string;
let tip: string;
const lines = (count: number, word: string): string => Array.from({ length: count }, (_, at) => `${word} ${at}\n`).join('');
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-linecounts-'));
  git(dir, 'init', '--quiet', '--initial-branch=main');
  const write = (path: string, text: string | Buffer): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('edited.go', lines(40, 'line'));
  write('emptied.txt', lines(5, 'gone'));
  write('no-newline.txt', 'a\nb');
  write('image.bin', Buffer.from([0, 1, 2, 3, 0, 5]));
  write('old/name.py', lines(30, 'kept'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'base');
  base = git(dir, 'rev-parse', 'HEAD');
  write('edited.go', `first\n${lines(40, 'line').replace('line 20\n', 'changed 20\nadded\n')}last\n`);
  write('emptied.txt', '');
  write('no-newline.txt', 'a\nc');
  write('image.bin', Buffer.from([0, 1, 9, 3, 0, 5, 7]));
  write('new.txt', lines(3, 'new'));
  rmSync(join(dir, 'old'), { recursive: true });
  write('new/name.py', lines(30, 'kept').replace('kept 7\n', 'edited 7\n'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'fork');
  tip = git(dir, 'rev-parse', 'HEAD');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('countedByRanges', () => {
  it("counts a path as git diff --numstat does, from the sides' zero-context hunks, or leaves a rename's and a binary file's to numstat", async () => {
    const history = createHistory(await openRepo(dir));
    const paths = ['edited.go', 'emptied.txt', 'no-newline.txt', 'image.bin', 'new.txt', 'old/name.py', 'new/name.py'];
    const { ranges, renamed } = await loadChangedRanges(history, base, tip, [paths]);
    const numstat = new Map(git(dir, 'diff', '--numstat', '--no-renames', base, tip).split('\n').map((line) => {
      const [added = '', deleted = '', path = ''] = line.split('\t');
      return [path, { added: Number(added) || 0, deleted: Number(deleted) || 0 }] as const;
    }));
    const counted = new Map(paths.map((path) => [path, countedByRanges({ ranges, renamedRanges: renamed }, path)]));
    expect(counted.get('new/name.py')).toBeNull(); // git paired it with old/name.py: its hunks are not numstat's
    expect(counted.get('old/name.py')).toBeNull(); // gone at the tip: no hunks under its name
    expect(counted.get('image.bin')).toBeNull(); // a binary patch names no paths to read hunks under
    for (const path of ['edited.go', 'emptied.txt', 'no-newline.txt', 'new.txt']) {
      expect({ path, counts: counted.get(path) }).toEqual({ path, counts: numstat.get(path) });
    }
    expect(counted.get('edited.go')).toEqual({ added: 4, deleted: 1 });
  });
});
