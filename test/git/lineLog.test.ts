import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGitPatch } from '../../src/attribution/patchReader.js';
import { createHistory } from '../../src/git/history.js';
import type { History, LogScope } from '../../src/git/history.js';
import { openRepo } from '../../src/git/repo.js';
import { git } from './fixtureRepo.js';

/**
 * A line log's two shapes on a tiny repository whose directory names look
 * like globs: `a*` would match `ab/y.go` as a pattern, so only a literal
 * pathspec tells them apart.
 */
let dir: string;
let history: History;
let base: string;
let tip: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-linelog-'));
  git(dir, 'init', '--quiet', '--initial-branch=main');
  const write = (path: string, text: string): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (const path of ['a*/x.go', 'ab/y.go', 'c/z.go', 'top.go']) write(path, 'one\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'base');
  base = git(dir, 'rev-parse', 'HEAD');
  for (const path of ['a*/x.go', 'ab/y.go', 'c/z.go', 'top.go']) write(path, 'one\ntwo\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'change');
  tip = git(dir, 'rev-parse', 'HEAD');
  history = createHistory(await openRepo(dir));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The paths a line log shows patches for. */
const pathsIn = async (scope: LogScope): Promise<string[]> => {
  const paths: string[] = [];
  await readGitPatch(history.lineLog(base, tip, scope), { file: (file) => paths.push(file.newPath ?? '') });
  return paths.sort();
};

describe('lineLog', () => {
  it('limited to paths, takes each literally', async () => {
    expect(await pathsIn({ paths: ['a*/x.go', 'top.go'] })).toEqual(['a*/x.go', 'top.go']);
  });

  it('over the whole tree, leaves out exactly the directories named, literally', async () => {
    expect(await pathsIn({ allBut: [] })).toEqual(['a*/x.go', 'ab/y.go', 'c/z.go', 'top.go']);
    expect(await pathsIn({ allBut: ['a*', 'c'] })).toEqual(['ab/y.go', 'top.go']);
  });
});
