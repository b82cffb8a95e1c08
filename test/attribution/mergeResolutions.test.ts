import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { runCli } from '../helpers/runCli.js';
import { git, short } from '../git/fixtureRepo.js';

/**
 * A fork that merges upstream's releases into its own line (molly's
 * libsignal): it branched from upstream's first release, and merged the
 * second, dropping in that merge a workflow upstream had added in between.
 * The merge base is the second release, which is not on the fork's
 * first-parent line, and no commit of the fork's log deletes the workflow.
 */
let dir: string;
let clone: string;
let merge: string;
let report: Report;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-merge-resolution-'));
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
  write(upstream, '.github/workflows/ci.yml', 'name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo test\n');
  commit(upstream, 'release 1');
  git(dir, 'clone', '-q', upstream, fork);
  write(fork, 'src/lib.rs', 'pub fn version() -> u32 {\n    1\n}\n\npub fn fork_name() -> &\'static str {\n    "molly"\n}\n');
  commit(fork, 'fork: name the fork');
  write(upstream, '.github/workflows/android.yml', 'name: Android\non: push\njobs:\n  android:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./gradlew test\n');
  commit(upstream, 'Add an Android workflow');
  write(upstream, 'src/lib.rs', 'pub fn version() -> u32 {\n    2\n}\n');
  commit(upstream, 'release 2');
  // The fork merges release 2, and leaves the Android workflow out of the merge.
  git(fork, 'fetch', '-q', upstream, 'main');
  git(fork, '-c', 'user.name=t', '-c', 'user.email=t@t', 'merge', '-q', '--no-ff', '--no-commit', 'FETCH_HEAD');
  git(fork, 'rm', '-q', '-f', '.github/workflows/android.yml');
  merge = commit(fork, "Merge branch 'fix-release-2' of upstream");
  write(upstream, 'README.md', 'A library.\n');
  commit(upstream, 'Add a README');
  clone = join(dir, 'clone');
  git(dir, 'clone', '-q', fork, clone);
  git(clone, 'remote', 'add', 'upstream', upstream);
  const { status, stdout, stderr } = runCli(['main', '--format', 'json'], { cwd: clone });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  report = JSON.parse(stdout) as Report;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a file the fork dropped in resolving a merge of upstream', () => {
  it("is the fork's removal, explained by that merge", () => {
    const workflow = report.findings.filter((finding) => finding.path === '.github/workflows/android.yml');
    expect(workflow.map(({ category, side, commits, message }) => ({ category, side, commits, message }))).toEqual([
      { category: 'workflow', side: 'fork', commits: [short(merge)], message: 'fork removed workflow .github/workflows/android.yml (jobs android)' },
      { category: 'removed-tests', side: 'fork', commits: [short(merge)], message: 'fork removed test job "android"' },
    ]);
    expect(report.files.find((file) => file.path === '.github/workflows/android.yml')?.hunks.map((hunk) => [hunk.side, hunk.commits])).toEqual([['fork', [short(merge)]]]);
  });

  it('names the merge by its subject, which never reads as a fix', () => {
    // "fix-release-2" is where the branch came from, not what the merge did.
    const [workflow] = report.findings.filter((finding) => finding.path === '.github/workflows/android.yml');
    expect(workflow?.details).toMatchObject({ commitSubjects: [`${short(merge)} Merge branch 'fix-release-2' of upstream`], isFixCommit: false });
  });
});
