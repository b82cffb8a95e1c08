import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPair } from '../../fixtures/lib/pair.mjs';
import type { Report } from '../../src/model.js';
import { directoriesAbove } from '../../src/pathDirectories.js';
import { directoriesRemovedFrom } from '../../src/sync/trivialPicks.js';
import { git } from '../git/fixtureRepo.js';
import { runCli } from '../helpers/runCli.js';

/**
 * A fork that renamed a directory (`app/` → `myapp/`, a renamed product)
 * and deleted one file of another (`lib/`), and upstream commits that each
 * touch files only they touched since the merge base: the kind of pick the
 * sync plan forecast clean without a merge, until a pick added a file under
 * the renamed directory and git stopped on where to put it.
 */
const goFile = (name: string): string => `package app\n\n${Array.from({ length: 12 }, (_, index) => `func ${name}${index}() int { return ${index} }\n`).join('')}`;

let dir: string;
let clone: string;
let report: Report;
let mergedPicks: string;
let shas: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-trivial-picks-'));
  const pair = startPair(join(dir, 'fx'), 'main');
  const { upstream, fork, change } = pair;
  change(upstream, 'app, lib and docs', {
    'app/a.go': goFile('A'), 'app/b.go': goFile('B'), 'app/c.go': goFile('C'),
    'lib/keep.go': goFile('Keep'), 'lib/old.go': goFile('Old'), 'docs/README.md': '# app\n',
  });
  pair.branchFork();
  change(fork, 'rename app to myapp', {
    'app/a.go': null, 'app/b.go': null, 'app/c.go': null,
    'myapp/a.go': goFile('A'), 'myapp/b.go': goFile('B'), 'myapp/c.go': goFile('C'),
  });
  change(fork, 'lib: drop old.go', { 'lib/old.go': null });
  shas = {
    addToRenamed: change(upstream, 'app: add new.go', { 'app/new.go': goFile('New') }),
    addBelowRenamed: change(upstream, 'app: add sub/deep.go', { 'app/sub/deep.go': goFile('Deep') }),
    editDocs: change(upstream, 'docs: say more', { 'docs/README.md': '# app\n\nMore.\n' }),
    addToKept: change(upstream, 'lib: add new.go', { 'lib/new.go': goFile('LibNew') }),
  };
  ({ clone } = pair.finish());
  // Every pick merged by git passes through `merge-tree --stdin`: a shim keeps what it was given.
  const bin = join(dir, 'bin');
  const log = join(dir, 'merge-tree-stdin.log');
  const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  spawnSync('mkdir', ['-p', bin]);
  writeFileSync(join(bin, 'git'), `#!/bin/sh\ncase " $* " in *" merge-tree --stdin "*) tee -a ${log} | ${realGit} "$@"; exit $? ;; esac\nexec ${realGit} "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  const { status, stdout, stderr } = runCli(['main', '--format', 'json'], { cwd: clone, env: { PATH: `${bin}:${process.env['PATH'] ?? ''}` } });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  report = JSON.parse(stdout) as Report;
  mergedPicks = existsSync(log) ? readFileSync(log, 'utf8') : '';
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `git cherry-pick` does with the commit on the fork's tip, in a scratch clone: clean or conflict. */
const cherryPick = (sha: string): 'clean' | 'conflict' => {
  const work = join(dir, `pick-${sha.slice(0, 8)}`);
  git(dir, 'clone', '-q', '--no-local', clone, work);
  git(work, 'fetch', '-q', join(dir, 'fx', 'upstream'), 'main:refs/remotes/upstream/main');
  git(work, 'checkout', '-q', '--detach', 'origin/main');
  const picked = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', 'cherry-pick', sha], { cwd: work, encoding: 'utf8' });
  return picked.status === 0 ? 'clean' : 'conflict';
};

const pick = (sha: string | undefined) => report.sync?.picks.find((each) => each.sha === sha);

describe('picks forecast without a merge', () => {
  it('agree with git cherry-pick, one by one', () => {
    expect(Object.values(shas).map((sha) => [pick(sha)?.subject, pick(sha)?.result])).toEqual(Object.values(shas).map((sha) => [pick(sha)?.subject, cherryPick(sha)]));
    // Git moves a file added right inside the renamed directory, and stops on where it put it.
    expect(pick(shas['addToRenamed'])).toMatchObject({ result: 'conflict', conflicts: ['app/new.go', 'myapp/new.go'] });
  });

  it('leave a file under a directory the fork no longer has to git (deeper ones too: git may move them)', () => {
    expect(mergedPicks).toContain(` ${shas['addToRenamed']}\n`);
    expect(mergedPicks).toContain(` ${shas['addBelowRenamed']}\n`);
  });

  it('stay without a merge where the fork still has the directory', () => {
    expect(pick(shas['editDocs'])?.result).toBe('clean');
    expect(pick(shas['addToKept'])?.result).toBe('clean');
    expect(mergedPicks).not.toContain(` ${shas['editDocs']}\n`);
    expect(mergedPicks).not.toContain(` ${shas['addToKept']}\n`);
  });
});

describe('the directories a path lies under', () => {
  it('are every one above it, outermost first, and never the root', () => {
    expect(directoriesAbove('a/b/c.go')).toEqual(['a', 'a/b']);
    expect(directoriesAbove('README.md')).toEqual([]);
  });

  it('are gathered once for every path the fork removed', () => {
    expect(directoriesRemovedFrom(['app/a.go', 'app/sub/b.go', 'lib/old.go', 'top.txt'])).toEqual(['app', 'app/sub', 'lib']);
  });
});
