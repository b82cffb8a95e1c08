import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { runCli } from '../helpers/runCli.js';
import { git, short } from '../git/fixtureRepo.js';

/**
 * The same drop as in mergeResolutions.test.ts, made inside a branch: the
 * fork merged upstream's release into a `sync` branch, left the Android
 * workflow out there, and merged `sync` into its line. The merge on the
 * fork's first-parent line changed nothing at that path (neither of its
 * parents has the file); the merge inside the branch did.
 */
let dir: string;
let clone: string;
let inner: string;
let outer: string;
let report: Report;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-merge-resolution-branch-'));
  const upstream = join(dir, 'upstream');
  const fork = join(dir, 'fork');
  const write = (repo: string, path: string, text: string): void => {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  };
  const commit = (repo: string, message: string): string => {
    git(repo, 'add', '-A');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', message);
    return git(repo, 'rev-parse', 'HEAD').trim();
  };
  mkdirSync(upstream);
  git(upstream, 'init', '-q', '-b', 'main');
  write(upstream, 'src/lib.rs', 'pub fn version() -> u32 {\n    1\n}\n');
  commit(upstream, 'release 1');
  git(dir, 'clone', '-q', upstream, fork);
  write(fork, 'src/lib.rs', 'pub fn version() -> u32 {\n    1\n}\n\npub fn fork_name() -> &\'static str {\n    "molly"\n}\n');
  commit(fork, 'fork: name the fork');
  write(upstream, '.github/workflows/android.yml', 'name: Android\non: push\njobs:\n  android:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./gradlew test\n');
  commit(upstream, 'Add an Android workflow');
  write(upstream, 'src/lib.rs', 'pub fn version() -> u32 {\n    2\n}\n');
  commit(upstream, 'release 2');
  git(fork, 'checkout', '-q', '-b', 'sync');
  git(fork, 'fetch', '-q', upstream, 'main');
  git(fork, '-c', 'user.name=t', '-c', 'user.email=t@t', 'merge', '-q', '--no-ff', '--no-commit', 'FETCH_HEAD');
  git(fork, 'rm', '-q', '-f', '.github/workflows/android.yml');
  inner = commit(fork, 'Merge release 2 into sync');
  git(fork, 'checkout', '-q', 'main');
  git(fork, '-c', 'user.name=t', '-c', 'user.email=t@t', 'merge', '-q', '--no-ff', '-m', "Merge branch 'sync'", 'sync');
  outer = git(fork, 'rev-parse', 'HEAD').trim();
  clone = join(dir, 'clone');
  git(dir, 'clone', '-q', fork, clone);
  git(clone, 'remote', 'add', 'upstream', upstream);
  const { status, stdout, stderr } = runCli(['main', '--format', 'json', '--no-sync'], { cwd: clone });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  report = JSON.parse(stdout) as Report;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file the fork dropped in a merge inside a merged branch', () => {
  it('is explained by that merge, not by the one on the fork\'s line', () => {
    const [workflow] = report.findings.filter((finding) => finding.path === '.github/workflows/android.yml' && finding.category === 'workflow');
    expect(workflow).toMatchObject({ side: 'fork', commits: [short(inner)], message: 'fork removed workflow .github/workflows/android.yml (jobs android)' });
    expect(workflow?.commits).not.toContain(short(outer));
  });
});
