import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENAME_LIMIT } from '../../src/git/repo.js';
import { renameLimitNotice } from '../../src/git/renameLimit.js';
import type { Report } from '../../src/model.js';
import { runCli } from '../helpers/runCli.js';

/** More inexact renames than git's diff default of 1,000 considers: the fork renamed every file and changed a line of each. */
const FILES = 1_050;

let root: string;
let clone: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'forkdiff-rename-limit-'));
  clone = join(root, 'clone');
  mkdirSync(clone);
  const run = (...args: string[]): string => execFileSync('git', args, { cwd: clone, encoding: 'utf8' });
  run('init', '-q');
  const body = (index: number, line: string): string => `package p${index}\n\nconst name = "file ${index}"\nconst size = ${index * 7}\n${line}\n`;
  const blob = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}`;
  const stamp = 'forkdiff <forkdiff@invalid> 1700000000 +0000';
  const commit = (ref: string, message: string, parent: string | null, files: string[]): string =>
    [`commit ${ref}`, `mark :${ref === 'refs/remotes/upstream/v1' ? 1 : 2}`, `author ${stamp}`, `committer ${stamp}`, blob(message),
      ...(parent ? [`from ${parent}`] : []), 'deleteall', ...files, ''].join('\n');
  const base = Array.from({ length: FILES }, (_, index) => `M 100644 inline src/file${index}.go\n${blob(body(index, 'func f() {}'))}`);
  const fork = Array.from({ length: FILES }, (_, index) => `M 100644 inline src/renamed/part${index}.go\n${blob(body(index, 'func f() { g() }'))}`);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: clone, input: `${commit('refs/remotes/upstream/v1', 'base', null, base)}\n${commit('refs/remotes/origin/v1', 'fork: rename the package files', ':1', fork)}\ndone\n` });
  run('remote', 'add', 'upstream', 'https://example.invalid/upstream.git');
  run('remote', 'add', 'origin', 'https://example.invalid/fork.git');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('rename detection past git\'s diff default', () => {
  it(`pairs every file the fork renamed (git diff alone stops at 1,000; forkdiff asks for ${RENAME_LIMIT})`, () => {
    const plain = execFileSync('git', ['diff', '-M', '--name-status', 'upstream/v1', 'origin/v1'], { cwd: clone, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(plain.split('\n').filter((line) => line.startsWith('R')).length).toBeLessThan(FILES);
    const { status, stdout } = runCli(['v1', '--no-fetch', '--format', 'json'], { cwd: clone });
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.files.filter((file) => file.status === 'renamed')).toHaveLength(FILES);
    expect(report.notices.filter((notice) => notice.includes('renames'))).toEqual([]);
  });

  it("reads git's warning, old and new wording, into a notice that says how to lift the limit", () => {
    expect(renameLimitNotice(['exhaustive rename detection was skipped due to too many files.', 'you may want to set your diff.renameLimit variable to at least 3658 and retry the command.'], 1000))
      .toBe('git stopped looking for renames at its limit of 1000 files (this diff needs 3658): renamed files read as deleted and added (`git config diff.renameLimit 3658` in this clone makes git find them, at some cost in time)');
    expect(renameLimitNotice(['inexact rename detection was skipped due to too many files.'], 7000)).toContain('`git config diff.renameLimit N`');
    expect(renameLimitNotice(['some other warning'], 7000)).toBeNull();
  });
});
