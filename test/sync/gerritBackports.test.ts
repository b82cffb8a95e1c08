import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { git } from '../git/fixtureRepo.js';
import { runCli } from '../helpers/runCli.js';

/**
 * A Gerrit fork (stackhpc's kolla): a fix backported to the fork's branch
 * before upstream merged it, under the same Change-Id; the fork then merged
 * upstream, so upstream's commit is the merge base itself. Neither patch-id
 * (git compares only commits past the base) nor a cherry-pick trailer says
 * upstream has the fork's commit: the Change-Id does.
 */
let dir: string;
let report: Report;
const shas: Record<string, string> = {};
const changeId = 'I0f3bd2a4c5e6f708192a3b4c5d6e7f8091a2b3c4';
const backup = (baseDir: string) => `#!/bin/sh\n# incremental backups\nmariabackup --backup --target-dir=/backup/inc \\\\\n  --incremental-basedir=${baseDir}\n`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-gerrit-'));
  const repo = join(dir, 'repo');
  mkdirSync(repo);
  const commit = (message: string, files: Record<string, string>): string => {
    for (const [path, text] of Object.entries(files)) writeFileSync(join(repo, path), text);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', message);
    return git(repo, 'rev-parse', 'HEAD');
  };
  git(repo, 'init', '-q', '-b', 'master');
  shas['base'] = commit('kolla', { 'backup.sh': backup('/backup/full'), 'README': 'kolla\n' });
  git(repo, 'checkout', '-q', '-b', 'stackhpc');
  shas['backport'] = commit(`[mariadb] Fix incremental backup using correct base dir\n\nChange-Id: ${changeId}\n(backported before upstream merged it)`, { 'backup.sh': backup('/backup/last') });
  shas['own'] = commit('stackhpc: our README', { 'README': 'kolla, as StackHPC ships it\n' });
  git(repo, 'checkout', '-q', 'master');
  shas['fix'] = commit(`[mariadb] Fix incremental backup using correct base dir\n\nCloses-Bug: #2111138\nChange-Id: ${changeId}`, { 'backup.sh': backup('/backup/last') });
  git(repo, 'checkout', '-q', 'stackhpc');
  git(repo, 'merge', '-q', '--no-ff', '-m', 'Merge master into stackhpc', 'master');
  // The maintainer's clone: both remotes fetched (here, the same repository), no fetch in the run.
  git(repo, 'remote', 'add', 'upstream', repo);
  git(repo, 'remote', 'add', 'origin', repo);
  git(repo, 'update-ref', 'refs/remotes/upstream/master', 'master');
  git(repo, 'update-ref', 'refs/remotes/origin/master', 'stackhpc');
  const { status, stdout, stderr } = runCli(['master', '--no-fetch', '--format', 'json'], { cwd: repo });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  report = JSON.parse(stdout) as Report;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a Gerrit backport of a change upstream merged', () => {
  it('is superseded by its Change-Id, though upstream merged it before the merge base; the fork\'s own commit is carried', () => {
    expect(report.mergeBase).toBe(shas['fix']);
    const carry = (sha: string | undefined) => report.sync?.carries.find((each) => each.sha === sha);
    expect(carry(shas['backport'])?.status).toBe('superseded');
    expect(carry(shas['own'])?.status).toBe('carried');
  });
});
