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
const write = (repo: string, path: string, text: string): void => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};
const commit = (repo: string, message: string): string => {
  git(repo, 'add', '-A');
  git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', message);
  return git(repo, 'rev-parse', 'HEAD').trim();
};
const ANDROID = 'name: Android\non: push\njobs:\n  android:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./gradlew test\n';

/** Upstream's releases 1 and 2 (an Android workflow added between them), and a fork of release 1 with a commit of its own. */
const startPair = (root: string): { upstream: string; fork: string } => {
  const upstream = join(root, 'upstream');
  const fork = join(root, 'fork');
  mkdirSync(upstream);
  git(upstream, 'init', '-q', '-b', 'main');
  write(upstream, 'src/lib.rs', 'pub fn version() -> u32 {\n    1\n}\n');
  write(upstream, '.github/workflows/ci.yml', 'name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo test\n');
  commit(upstream, 'release 1');
  git(root, 'clone', '-q', upstream, fork);
  write(fork, 'src/lib.rs', 'pub fn version() -> u32 {\n    1\n}\n\npub fn fork_name() -> &\'static str {\n    "molly"\n}\n');
  commit(fork, 'fork: name the fork');
  write(upstream, '.github/workflows/android.yml', ANDROID);
  commit(upstream, 'Add an Android workflow');
  write(upstream, 'src/lib.rs', 'pub fn version() -> u32 {\n    2\n}\n');
  commit(upstream, 'release 2');
  return { upstream, fork };
};

/** Merges upstream's main into the fork's checked-out branch, leaving the Android workflow out; the merge's id. */
const mergeWithoutAndroid = (upstream: string, fork: string, message: string): string => {
  git(fork, 'fetch', '-q', upstream, 'main');
  git(fork, '-c', 'user.name=t', '-c', 'user.email=t@t', 'merge', '-q', '--no-ff', '--no-commit', 'FETCH_HEAD');
  git(fork, 'rm', '-q', '-f', '.github/workflows/android.yml');
  return commit(fork, message);
};

/** forkdiff's JSON report of a clone of `fork` with `upstream` added. */
const audit = (root: string, upstream: string, fork: string, extra: string[] = []): Report => {
  const clone = join(root, 'clone');
  git(root, 'clone', '-q', fork, clone);
  git(clone, 'remote', 'add', 'upstream', upstream);
  const { status, stdout, stderr } = runCli(['main', '--format', 'json', ...extra], { cwd: clone });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return JSON.parse(stdout) as Report;
};

let dir: string;
let merge: string;
let report: Report;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-merge-resolution-'));
  const { upstream, fork } = startPair(dir);
  // The fork merges release 2, and leaves the Android workflow out of the merge.
  merge = mergeWithoutAndroid(upstream, fork, "Merge branch 'fix-release-2' of upstream");
  write(upstream, 'README.md', 'A library.\n');
  commit(upstream, 'Add a README');
  report = audit(dir, upstream, fork);
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

/**
 * The same drop, made inside a branch: the fork merged upstream's release
 * into a `sync` branch, left the Android workflow out there, and merged
 * `sync` into its line. The merge on the fork's first-parent line changed
 * nothing at that path (neither of its parents has the file); the merge
 * inside the branch did.
 */
describe('a file the fork dropped in a merge inside a merged branch', () => {
  let branchDir: string;
  let inner: string;
  let outer: string;
  let branchReport: Report;
  beforeAll(() => {
    branchDir = mkdtempSync(join(tmpdir(), 'forkdiff-merge-resolution-branch-'));
    const { upstream, fork } = startPair(branchDir);
    git(fork, 'checkout', '-q', '-b', 'sync');
    inner = mergeWithoutAndroid(upstream, fork, 'Merge release 2 into sync');
    git(fork, 'checkout', '-q', 'main');
    git(fork, '-c', 'user.name=t', '-c', 'user.email=t@t', 'merge', '-q', '--no-ff', '-m', "Merge branch 'sync'", 'sync');
    outer = git(fork, 'rev-parse', 'HEAD').trim();
    branchReport = audit(branchDir, upstream, fork, ['--no-sync']);
  });
  afterAll(() => rmSync(branchDir, { recursive: true, force: true }));

  it("is explained by that merge, not by the one on the fork's line", () => {
    const [workflow] = branchReport.findings.filter((finding) => finding.path === '.github/workflows/android.yml' && finding.category === 'workflow');
    expect(workflow).toMatchObject({ side: 'fork', commits: [short(inner)], message: 'fork removed workflow .github/workflows/android.yml (jobs android)' });
    expect(workflow?.commits).not.toContain(short(outer));
  });
});
