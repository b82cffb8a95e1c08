import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, truncateSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { buildFixture, git } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { snapshot } from '../helpers/repoSnapshot.js';
import { runCli, startCli } from '../helpers/runCli.js';
import { scratchDir } from '../helpers/scratch.js';

/** Issue 15: git and the system failing around forkdiff, on a real fixture fork. */
let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

// Matched as text, so that a failure shows what stderr held (a CI run once had none of it: not reproduced since).
const oneLine = (stderr: string): string => {
  expect(stderr).toMatch(/^[^\n]+\n$/);
  return stderr.trimEnd();
};

const until = async (isDone: () => boolean, what: string, timeoutMs = 30_000): Promise<void> => {
  for (const started = Date.now(); !isDone(); await delay(20)) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
  }
};

/**
 * Whether a process still runs. A zombie does not: it has exited and only
 * waits to be reaped, which forkdiff's exit hands to init (in some containers
 * init reaps late, and `kill -0` still finds the pid).
 */
const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z /.test(stat);
};

/** Lock files git leaves when a process dies while updating refs: none may remain. */
const lockFiles = (gitDir: string): string[] =>
  readdirSync(gitDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.lock'));

describe('two runs on the same ref at once', () => {
  it('both succeed, round after round, while upstream moves', async () => {
    for (let round = 0; round < 3; round += 1) {
      writeFileSync(join(fixture.upstream, 'ROUND'), `${round}\n`);
      git(fixture.upstream, 'add', 'ROUND');
      git(fixture.upstream, 'commit', '-q', '-m', `round ${round}`);
      const runs = [0, 1, 2].map(() => startCli(['v0.11', '--format', 'json'], { cwd: fixture.clone }).done);
      for (const result of await Promise.all(runs)) {
        expect(result.stderr).toBe(''); // not "cannot lock ref 'refs/remotes/upstream/v0.11': is at X but expected Y"
        expect(result.status).toBe(0);
        expect((JSON.parse(result.stdout) as Report).upstream?.sha).toBe(git(fixture.upstream, 'rev-parse', 'v0.11'));
      }
    }
    expect(lockFiles(join(fixture.clone, '.git'))).toEqual([]);
  }, 180_000);
});

describe('a signal', () => {
  it('during a fetch stops the git fetch child too: no ref is written after forkdiff exits', async () => {
    // A remote whose upload-pack waits, so that forkdiff is surely mid-fetch when signalled.
    const scratch = scratchDir('slow');
    const wrapper = join(scratch, 'slow-upload-pack');
    writeFileSync(
      wrapper,
      [
        '#!/bin/sh',
        // The git fetch that runs this is the parent of the `sh -c` that is our parent.
        `awk '{ print $4 }' /proc/$PPID/stat > "${scratch}/fetch.pid"`,
        'sleep 3',
        `touch "${scratch}/slept"`,
        'exec git-upload-pack "$@"',
        '',
      ].join('\n'),
    );
    chmodSync(wrapper, 0o755);
    git(fixture.clone, 'remote', 'add', 'slow', fixture.upstream);
    git(fixture.clone, 'config', 'remote.slow.uploadpack', wrapper);
    const before = snapshot(fixture.clone);

    const run = startCli(['v0.11', '--upstream', 'slow'], { cwd: fixture.clone });
    await until(() => existsSync(join(scratch, 'fetch.pid')) && readFileSync(join(scratch, 'fetch.pid'), 'utf8').trim() !== '', 'the fetch to start');
    const fetchPid = Number(readFileSync(join(scratch, 'fetch.pid'), 'utf8'));
    expect(isRunning(fetchPid)).toBe(true);
    run.child.kill('SIGTERM');
    const result = await run.done;

    expect(result.signal).toBe('SIGTERM');
    expect(oneLine(result.stderr)).toBe('forkdiff: stopped by SIGTERM');
    expect(isRunning(fetchPid)).toBe(false);
    await until(() => existsSync(join(scratch, 'slept')), 'the slow upload-pack to wake up');
    await delay(500);
    expect(git(fixture.clone, 'for-each-ref', 'refs/remotes/slow')).toBe('');
    expect(lockFiles(join(fixture.clone, '.git'))).toEqual([]);
    git(fixture.clone, 'config', '--unset', 'remote.slow.uploadpack');
    git(fixture.clone, 'remote', 'remove', 'slow');
    expect({ ...snapshot(fixture.clone), config: before.config }).toEqual(before);
  });

  it('during --output leaves no temporary file and no half report', async () => {
    // A diff big enough that writing its JSON report takes a while.
    const scratch = scratchDir('output');
    const sections = Array.from({ length: 30_000 }, (_, index) =>
      [`diff --git a/f${index}.txt b/f${index}.txt`, `--- a/f${index}.txt`, `+++ b/f${index}.txt`, '@@ -1,3 +1,3 @@', ' one', `-two ${index}`, `+TWO ${index}`, ' three'].join('\n'),
    );
    writeFileSync(join(scratch, 'big.diff'), `${sections.join('\n')}\n`);
    const outputs = join(scratch, 'out');
    mkdirSync(outputs);
    let isInterruptedMidWrite = false;
    for (let attempt = 0; attempt < 3 && !isInterruptedMidWrite; attempt += 1) {
      const run = startCli(['--diff-file', join(scratch, 'big.diff'), '--format', 'json', '--output', join(outputs, 'report.json')]);
      // Signal as soon as the temporary file appears beside the target.
      const watcher = watch(outputs, (_event, name) => {
        if (name?.endsWith('.tmp')) run.child.kill('SIGINT');
      });
      const result = await run.done;
      watcher.close();
      expect(readdirSync(outputs).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      if (result.signal === 'SIGINT') {
        isInterruptedMidWrite = true;
        expect(oneLine(result.stderr)).toBe('forkdiff: stopped by SIGINT');
        expect(readdirSync(outputs)).toEqual([]);
      } else {
        expect(result.status).toBe(0); // finished before the signal landed: the report is whole; try again
        expect(JSON.parse(readFileSync(join(outputs, 'report.json'), 'utf8')).files).toHaveLength(30_000);
        rmSync(join(outputs, 'report.json'));
      }
    }
    expect(isInterruptedMidWrite).toBe(true);
  });
});

describe('the system around forkdiff', () => {
  it('without git on PATH: one line, exit 2', () => {
    const emptyPath = scratchDir('nogit');
    const { status, stdout, stderr } = runCli(['v0.11'], { cwd: fixture.clone, env: { PATH: emptyPath } });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toBe('forkdiff: cannot run git: no git command found (is git installed and on PATH?)');
  });

  it('with a TMPDIR that is not a directory: one line, exit 2, in git mode and for a huge saved diff', () => {
    const notADirectory = join(scratchDir('tmp'), 'file');
    writeFileSync(notADirectory, '');
    const gitMode = runCli(['v0.11', '--no-fetch'], { cwd: fixture.clone, env: { TMPDIR: notADirectory } });
    expect(gitMode.status).toBe(2);
    expect(oneLine(gitMode.stderr)).toMatch(/^forkdiff: cannot create a temporary file in .*\/file: ENOTDIR \(set TMPDIR to a writable directory\)$/);
    // Past 5,000 hunks a saved diff's later hunks wait on disk, in TMPDIR too.
    const hunks = Array.from({ length: 5_100 }, (_, index) => `diff --git a/f${index} b/f${index}\n--- a/f${index}\n+++ b/f${index}\n@@ -1 +1 @@\n-a\n+b`);
    const saved = runCli(['--diff-file', '-', '--format', 'json'], { input: `${hunks.join('\n')}\n`, env: { TMPDIR: notADirectory } });
    expect(saved.status).toBe(2);
    expect(oneLine(saved.stderr)).toMatch(/^forkdiff: cannot create a temporary file in .*\/file: ENOTDIR/);
  });

  it('with an oversize config: one line, exit 2, before reading it', () => {
    const config = join(scratchDir('config'), 'big.yml');
    writeFileSync(config, '');
    truncateSync(config, 50 * 1024 * 1024); // sparse: a 50 MB config that costs no disk
    const { status, stderr } = runCli(['v0.11', '--no-fetch', '--config', config], { cwd: fixture.clone });
    expect(status).toBe(2);
    expect(oneLine(stderr)).toBe(`forkdiff: ${config}: config file is 50 MiB, more than the 256 KiB a config may be (is it the right file?)`);
  });

  describe('a clone missing an object git needs', () => {
    /** A fresh clone of the fork with upstream fetched, every object loose, less the one `pick` names. */
    const cloneWithout = (pick: (clone: string) => string): { clone: string; missing: string } => {
      const clone = join(scratchDir('missing-object'), 'clone');
      git(fixture.root, 'clone', '-q', fixture.fork, clone);
      git(clone, 'remote', 'add', 'upstream', fixture.upstream);
      git(clone, 'fetch', '-q', 'upstream', 'v0.11:refs/remotes/upstream/v0.11');
      const packs = join(clone, '.git', 'objects', 'pack');
      for (const name of readdirSync(packs).filter((file) => file.endsWith('.pack'))) {
        const pack = join(scratchDir('packs'), name);
        renameSync(join(packs, name), pack);
        execFileSync('git', ['unpack-objects', '-q'], { cwd: clone, input: readFileSync(pack) });
      }
      rmSync(packs, { recursive: true });
      const missing = pick(clone);
      rmSync(join(clone, '.git', 'objects', missing.slice(0, 2), missing.slice(2)));
      return { clone, missing };
    };

    it('a tree upstream committed: one line naming it, exit 2, not a stack of git log output', () => {
      const { clone, missing } = cloneWithout((clone) => git(clone, 'rev-parse', 'upstream/v0.11~3^{tree}'));
      const { status, stdout, stderr } = runCli(['v0.11', '--no-fetch'], { cwd: clone });
      expect(stdout).toBe('');
      expect(status).toBe(2);
      expect(oneLine(stderr)).toMatch(new RegExp(`^forkdiff: git [a-z-]+ failed: unable to read tree ${missing}$`));
    });

    it('a commit of upstream\'s history: one line, exit 2, not two-tip mode', () => {
      const { clone, missing } = cloneWithout((clone) => git(clone, 'rev-parse', 'upstream/v0.11~2'));
      const { status, stdout, stderr } = runCli(['v0.11', '--no-fetch'], { cwd: clone });
      expect(stdout).toBe(''); // not a report of "sides unknown"
      expect(status).toBe(2);
      expect(oneLine(stderr)).toBe(`forkdiff: git merge-base failed: Could not read ${missing}`);
    });
  });

  it('fetches a tag given as a ref into forkdiff\'s namespace, not refs/remotes/origin/refs/tags/…', () => {
    git(fixture.upstream, 'tag', 'v0.11.0', 'v0.11');
    git(fixture.fork, 'tag', 'v0.11.0', 'v0.11');
    const { status, stdout, stderr } = runCli(['refs/tags/v0.11.0', '--format', 'json'], { cwd: fixture.clone });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as Report).fork).toMatchObject({ ref: 'refs/tags/v0.11.0', sha: git(fixture.fork, 'rev-parse', 'v0.11.0^{commit}') });
    const refs = git(fixture.clone, 'for-each-ref', '--format=%(refname)').split('\n');
    expect(refs.filter((ref) => ref.includes('/refs/'))).toEqual([]);
    expect(refs).toEqual(expect.arrayContaining(['refs/forkdiff/remotes/origin/tags/v0.11.0', 'refs/forkdiff/remotes/upstream/tags/v0.11.0']));
  });
});
