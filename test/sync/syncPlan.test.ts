import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_SHM_BYTES, readShm, scratchParent, storedUncompressed } from '../../src/git/scratchObjects.js';
import { NO_SYNC_NOTICE } from '../../src/audit/auditGitRef.js';
import type { Report } from '../../src/model.js';
import { buildFixture, git } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { makeUserMidWork, snapshot } from '../helpers/repoSnapshot.js';
import { runCli } from '../helpers/runCli.js';
import { schemaErrors } from '../helpers/schema.js';
import { scratchDir } from '../helpers/scratch.js';

let fixture: ForkFixture & { remove(): void };
let report: Report;
beforeAll(async () => {
  fixture = await buildFixture();
  const { status, stdout, stderr } = runCli(['v0.11', '--format', 'json'], { cwd: fixture.clone });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  report = JSON.parse(stdout) as Report;
});
afterAll(() => fixture.remove());

/** A directory whose `git` runs `before` (shell) and then the real git: put it first on PATH. */
const gitShim = (name: string, before: string): string => {
  const bin = scratchDir(name);
  const realGitPath = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  writeFileSync(join(bin, 'git'), `#!/bin/sh\n${before}\nexec ${realGitPath} "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return bin;
};

/** Non-empty output lines of git in the maintainer's clone. */
const gitLines = (...args: string[]): string[] => git(fixture.clone, ...args).split('\n').filter((line) => line.length > 0);
/** Paths upstream changed since the merge base (renames as a delete and an add). */
const upstreamChanged = (): Set<string> => new Set(gitLines('diff', '--name-only', '--no-renames', report.mergeBase ?? '', report.upstream?.sha ?? ''));

/** What git itself does: a scratch clone of the maintainer's clone, where merges and cherry-picks really run. */
const realGit = () => {
  const dir = scratchDir('real-merge');
  git(dir, 'clone', '-q', '--no-local', fixture.clone, 'repo');
  const repo = join(dir, 'repo');
  git(repo, 'fetch', '-q', fixture.upstream, 'v0.11:refs/remotes/upstream/v0.11');
  git(repo, 'checkout', '-q', '--detach', 'origin/v0.11');
  const run = (...args: string[]) => spawnSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  const conflicted = (): string[] => run('diff', '--name-only', '--diff-filter=U').stdout.split('\n').filter((line) => line.length > 0).sort();
  const reset = (): void => {
    run('merge', '--abort');
    run('cherry-pick', '--abort');
    run('reset', '-q', '--hard', 'origin/v0.11');
  };
  return { run, conflicted, reset };
};

describe('the sync plan, forecast against what real git does', () => {
  it('forecasts the conflicts of merging upstream into the fork now', () => {
    const { run, conflicted } = realGit();
    const merge = run('merge', '--no-commit', '--no-ff', 'upstream/v0.11');
    expect(report.sync?.merge.clean).toBe(merge.status === 0);
    expect(report.sync?.merge.conflicts.map((conflict) => conflict.path)).toEqual(conflicted());
    expect(report.sync?.merge.conflicts.map((conflict) => conflict.kind)).toEqual(['content', 'content', 'content']);
  });

  it('forecasts each missing upstream commit picked alone: clean, conflict with its files, as git cherry-pick does', () => {
    const { run, conflicted, reset } = realGit();
    const picks = report.sync?.picks ?? [];
    expect(picks.map((pick) => pick.result).sort()).toEqual(['clean', 'clean', 'clean', 'clean', 'clean', 'clean', 'conflict', 'conflict']);
    for (const pick of picks) {
      reset();
      const picked = run('cherry-pick', '--no-commit', pick.sha);
      expect(picked.error).toBeUndefined();
      const actual = picked.status !== 0 ? 'conflict' : run('diff', '--cached', '--quiet').status === 0 ? 'empty' : 'clean';
      expect([pick.subject, pick.result]).toEqual([pick.subject, actual]);
      expect(pick.conflicts).toEqual(actual === 'conflict' ? conflicted() : []);
    }
  });

  it('puts the security fix first, then the other fixes', () => {
    const picks = report.sync?.picks ?? [];
    expect(picks[0]).toMatchObject({ sha: fixture.shas.cveFix, result: 'clean', security: ['CVE-2024-23653'], isFix: true });
    const firstOther = picks.findIndex((pick) => !pick.isFix);
    expect(picks.slice(firstOther).every((pick) => !pick.isFix)).toBe(true);
    expect(picks.find((pick) => pick.sha === fixture.shas.retryMerged)).toMatchObject({ result: 'conflict', conflicts: ['client/client.go'], isFix: true });
  });

  it('keeps fixes the fork has out of the picks: cherry-picked (patch-id) and ported by hand (lines)', () => {
    const picked = new Set(report.sync?.picks.map((pick) => pick.sha));
    expect(picked.has(fixture.shas.leakFix ?? '')).toBe(false);
    expect(picked.has(fixture.shas.nameGuard ?? '')).toBe(false);
    expect(report.commits?.applied.map((applied) => [applied.commit.sha, applied.how, applied.forkCommit])).toEqual([
      [fixture.shas.leakFix, 'patch-id', fixture.shas.forkCherryPick],
      [fixture.shas.nameGuard, 'lines', fixture.shas.forkPort],
    ]);
  });
});

describe('the carry ledger', () => {
  const carry = (name: string) => report.sync?.carries.find((each) => each.sha === fixture.shas[name]);

  it('reads the fork commits by their conventions and by what the fork tip still holds', () => {
    expect(carry('forkCarry')).toMatchObject({ status: 'carried', tag: 'carry', files: ['hack/build-ubuntu.sh'], liveLines: 4, categories: ['other'] });
    expect(carry('forkRetry')).toMatchObject({ status: 'carried', tag: 'upstream-pr', upstreamRef: '#7', isUpstreamMerged: true, files: ['client/client.go'] });
    expect(carry('forkTry')).toMatchObject({ status: 'reverted' });
    expect(carry('forkTryRevert')).toMatchObject({ status: 'reverted' });
    expect(carry('forkPort')).toMatchObject({ status: 'superseded' });
    expect(carry('forkCherryPick')).toMatchObject({ status: 'superseded' });
    expect(carry('forkUbuntu')).toMatchObject({ status: 'carried', tag: null, categories: ['dockerfile'] });
    // A commit that only removed lines is carried while they stay removed.
    expect(carry('forkRevert')).toMatchObject({ status: 'carried', liveLines: 0, removedLines: expect.any(Number) });
    expect(carry('forkRevert')?.removedLines).toBeGreaterThan(0);
    expect(carry('forkCarry')).toMatchObject({ removedLines: 0 });
    // The ledger says what carries a commit none of whose own lines are left.
    const { stdout } = runCli(['v0.11', '--no-fetch', '--format', 'markdown'], { cwd: fixture.clone });
    const row = (sha: string | undefined): string | undefined => stdout.split('\n').find((line) => line.startsWith(`| ${sha?.slice(0, 12)} |`) && line.includes('| carried |'));
    expect(row(fixture.shas.forkRevert)).toContain(`| 0 + ${carry('forkRevert')?.removedLines} removed |`);
    expect(row(fixture.shas.forkCarry)).toContain('| 4 |');
    // The fork's twelve own commits and its cherry-pick of the leak fix.
    expect(report.sync?.carries).toHaveLength(13);
  });

  it('counts the live lines of files one commit alone touched as git diff --numstat does', () => {
    // The two-tip diff counts a file upstream left alone; git counts the others (upstream changed them too).
    const base = report.mergeBase ?? '';
    const fork = report.fork?.sha ?? '';
    const changed = upstreamChanged();
    const single = (report.sync?.carries ?? []).filter((carry) =>
      carry.files.length > 0 && carry.files.every((path) => gitLines('log', '--format=%H', '--no-merges', `${base}..${fork}`, '--', path).length === 1));
    const numstat = (paths: string[]) =>
      gitLines('diff', '--numstat', '--no-renames', base, fork, '--', ...paths).reduce((sum, line) => sum + (Number(line.split('\t')[0]) || 0), 0);
    expect(single.map((carry) => [carry.subject, carry.liveLines])).toEqual(single.map((carry) => [carry.subject, numstat(carry.files)]));
    // Both ways of counting are in play.
    expect(single.some((carry) => carry.files.some((path) => changed.has(path)))).toBe(true);
    expect(single.some((carry) => carry.files.every((path) => !changed.has(path)) && carry.liveLines > 0)).toBe(true);
  });

  it('asks git to count only the paths neither the two-tip diff nor the sides\' base → fork hunks counted', () => {
    const log = join(scratchDir('numstat-log'), 'numstat.log');
    // Real git, noting the paths of every numstat it runs.
    const bin = gitShim('numstat-git', `case " $* " in *" --numstat "*) printf '%s\\n' "$@" @end >> ${log} ;; esac`);
    const { status, stdout } = runCli(['v0.11', '--no-fetch', '--format', 'json'], { cwd: fixture.clone, env: { PATH: `${bin}:${process.env.PATH ?? ''}` } });
    expect(status).toBe(0);
    expect(JSON.stringify((JSON.parse(stdout) as Report).sync?.carries)).toBe(JSON.stringify(report.sync?.carries));
    const changed = upstreamChanged();
    const touches = new Map<string, number>();
    for (const path of gitLines('log', '--no-merges', '--format=', '--name-only', `${report.mergeBase ?? ''}..${report.fork?.sha ?? ''}`)) touches.set(path, (touches.get(path) ?? 0) + 1);
    const bothChanged = [...touches].filter(([path, count]) => count === 1 && changed.has(path)).map(([path]) => path).sort();
    // Each call's arguments end with @end; its paths follow `--`.
    const calls = existsSync(log) ? readFileSync(log, 'utf8').split('@end\n').filter((call) => call.length > 0) : [];
    const asked = calls.flatMap((call) => call.split('\n').filter((arg) => arg.length > 0).slice(call.split('\n').indexOf('--') + 1));
    // Paths upstream left alone were counted from the two-tip diff, those it changed too from the sides' hunks
    // (the test above checks both against numstat); none here was renamed, binary or ignored, so git counts none.
    expect(bothChanged.length).toBeGreaterThan(0);
    expect(asked).toEqual([]);
  });
});

describe('an upstream security fix the fork lacks', () => {
  it('is a sync finding that fails --check unless a rule with a reason accepts it', () => {
    const finding = report.findings.find((each) => each.category === 'sync');
    expect(finding).toMatchObject({
      kind: 'missing-security-fix',
      side: 'upstream',
      path: 'util/archive/tar.go',
      message: 'fork lacks upstream CVE-2024-23653: fix: reject tar entries that escape the destination (CVE-2024-23653) (picks cleanly onto the fork)',
    });
    // Every other finding accepted, so only the security fix is left to gate on.
    const baseline = join(fixture.root, 'sync-baseline.json');
    const accepted = report.findings.filter((each) => each.category !== 'sync').map(({ fingerprint, category, kind, path, message }) => ({ fingerprint, category, kind, path, message }));
    writeFileSync(baseline, `${JSON.stringify({ version: 1, accepted }, null, 2)}\n`);
    const failing = runCli(['v0.11', '--no-fetch', '--check', '--baseline', baseline, '--format', 'json'], { cwd: fixture.clone });
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('CVE-2024-23653');
    const config = join(fixture.root, 'sync.forkdiff.yml');
    writeFileSync(config, 'expect:\n  - category: sync\n    kind: missing-security-fix\n    reason: tar extraction is disabled in our build\n');
    expect(runCli(['v0.11', '--no-fetch', '--check', '--baseline', baseline, '--config', config, '--format', 'json'], { cwd: fixture.clone }).status).toBe(0);
  });
});

describe('without the sync plan (--no-sync)', () => {
  it('runs no merge or pick forecast and says so; every other finding is the full run\'s', () => {
    const log = join(scratchDir('no-sync-log'), 'git.log');
    const bin = gitShim('logging-git', `echo "$*" >> ${log}`);
    const { status, stdout, stderr } = runCli(['v0.11', '--no-fetch', '--no-sync', '--format', 'json'], { cwd: fixture.clone, env: { PATH: `${bin}:${process.env['PATH'] ?? ''}` } });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lean = JSON.parse(stdout) as Report;
    expect(schemaErrors(lean)).toEqual([]);
    expect(lean.sync).toBeNull();
    expect(lean.notices).toContain(NO_SYNC_NOTICE);
    expect(lean.findings.some((each) => each.category === 'sync')).toBe(false);
    expect(lean.findings).toEqual(report.findings.filter((each) => each.category !== 'sync'));
    const calls = readFileSync(log, 'utf8');
    expect(calls).toContain(' diff ');
    expect(calls).not.toContain('merge-tree');
  });

  it('leaves the sync findings out of --check: neither failing nor stale', () => {
    const baseline = join(fixture.root, 'no-sync-baseline.json');
    const accepted = report.findings.map(({ fingerprint, category, kind, path, message }) => ({ fingerprint, category, kind, path, message }));
    expect(accepted.some((entry) => entry.category === 'sync')).toBe(true);
    writeFileSync(baseline, `${JSON.stringify({ version: 1, accepted }, null, 2)}\n`);
    const full = runCli(['v0.11', '--no-fetch', '--check', '--baseline', baseline, '--format', 'json'], { cwd: fixture.clone });
    expect(full.status).toBe(0);
    expect(full.stderr).not.toContain('no longer match');
    const lean = runCli(['v0.11', '--no-fetch', '--no-sync', '--check', '--baseline', baseline, '--format', 'json'], { cwd: fixture.clone });
    expect(lean.status).toBe(0);
    expect(lean.stderr).not.toContain('no longer match');
    // Only the security fix left unaccepted: the full run fails on it, a run without the sync plan cannot see it.
    const unaccepted = join(fixture.root, 'no-sync-partial.json');
    writeFileSync(unaccepted, `${JSON.stringify({ version: 1, accepted: accepted.filter((entry) => entry.category !== 'sync') }, null, 2)}\n`);
    expect(runCli(['v0.11', '--no-fetch', '--check', '--baseline', unaccepted, '--format', 'json'], { cwd: fixture.clone }).status).toBe(1);
    expect(runCli(['v0.11', '--no-fetch', '--no-sync', '--check', '--baseline', unaccepted, '--format', 'json'], { cwd: fixture.clone }).status).toBe(0);
  });

  it('does not call an earlier report\'s sync findings resolved (--since)', () => {
    const earlier = join(fixture.root, 'no-sync-earlier.json');
    writeFileSync(earlier, JSON.stringify(report));
    const { status, stdout } = runCli(['v0.11', '--no-fetch', '--no-sync', '--since', earlier, '--format', 'json'], { cwd: fixture.clone });
    expect(status).toBe(0);
    const since = (JSON.parse(stdout) as Report & { since: { newFindings: unknown[]; resolvedFindings: unknown[]; unchanged: number } }).since;
    expect(since.newFindings).toEqual([]);
    expect(since.resolvedFindings).toEqual([]);
    expect(since.unchanged).toBe(report.findings.filter((each) => each.category !== 'sync').length);
  });

  it('is refused by forkdiff baseline, whose file must hold the sync findings too', () => {
    const { status, stdout, stderr } = runCli(['baseline', 'v0.11', '--no-fetch', '--no-sync'], { cwd: fixture.clone });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual(['forkdiff: --no-sync does not apply to forkdiff baseline (see forkdiff baseline --help)']);
  });
});

describe('the user repository', () => {
  it('comes out of a forecast exactly as it went in: objects, refs, index and work tree', async () => {
    const other = await buildFixture();
    try {
      runCli(['v0.11'], { cwd: other.clone }); // fetch first: fetched refs are the one thing forkdiff may write
      makeUserMidWork(other.clone);
      const before = { ...snapshot(other.clone), objects: git(other.clone, 'count-objects', '-v'), refs: git(other.clone, 'for-each-ref') };
      const tmp = scratchDir('sync-tmp');
      const { status } = runCli(['v0.11', '--no-fetch', '--format', 'json'], { cwd: other.clone, env: { TMPDIR: tmp } });
      expect(status).toBe(0);
      expect({ ...snapshot(other.clone), objects: git(other.clone, 'count-objects', '-v'), refs: git(other.clone, 'for-each-ref') }).toEqual(before);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      other.remove();
    }
  });

  it('loses the private object store even when interrupted mid-forecast', async () => {
    // Real git, made slow at the forecast so the interrupt lands during it.
    const bin = gitShim('slow-git', 'case " $* " in *" merge-tree "*) sleep 5 ;; esac');
    const tmp = scratchDir('sigint-tmp');
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/cli.js'), 'v0.11', '--no-fetch', '--format', 'json'], {
      cwd: fixture.clone,
      env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, PATH: `${bin}:${process.env.PATH ?? ''}` },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    for (let waited = 0; waited < 20_000 && !readdirSync(tmp).some((name) => name.startsWith('forkdiff-objects-')); waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(readdirSync(tmp).some((name) => name.startsWith('forkdiff-objects-'))).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(readdirSync(tmp).filter((name) => name.startsWith('forkdiff-objects-'))).toEqual([]);
  });

  it('keeps the private object store in a tmpfs /dev/shm with room when TMPDIR is not set, and removes it', () => {
    const log = join(scratchDir('store-log'), 'stores.txt');
    const bin = gitShim('store-git', `case " $* " in *" merge-tree "*) echo "$GIT_OBJECT_DIRECTORY" >> ${log} ;; esac`);
    const { status } = runCli(['v0.11', '--no-fetch', '--format', 'json'], { cwd: fixture.clone, env: { TMPDIR: undefined, PATH: `${bin}:${process.env.PATH ?? ''}` } });
    expect(status).toBe(0);
    const stores = [...new Set(readFileSync(log, 'utf8').split('\n').filter((line) => line.length > 0))];
    expect(stores).toHaveLength(1);
    const shm = readShm();
    const isShmUsable = shm !== null && shm.isTmpfs && shm.available >= MIN_SHM_BYTES;
    expect(dirname(stores[0] ?? '')).toBe(isShmUsable ? '/dev/shm' : tmpdir());
    expect(existsSync(stores[0] ?? '')).toBe(false);
  });

  it('says where the store was when git cannot write to it, in one line', () => {
    const bin = gitShim('full-git', 'case " $* " in *" merge-tree "*) echo "fatal: unable to write loose object file: No space left on device" >&2; exit 128 ;; esac');
    const path = `${bin}:${process.env.PATH ?? ''}`;
    const shm = readShm();
    const isShmUsable = shm !== null && shm.isTmpfs && shm.available >= MIN_SHM_BYTES;
    const inMemory = runCli(['v0.11', '--no-fetch', '--format', 'json'], { cwd: fixture.clone, env: { TMPDIR: undefined, PATH: path } });
    expect(inMemory.status).toBe(2);
    expect(inMemory.stdout).toBe('');
    const hint = " (the sync plan's scratch objects were in /dev/shm: set TMPDIR to keep them on disk)";
    expect(inMemory.stderr).toBe(`forkdiff: git merge-tree failed: unable to write loose object file: No space left on device${isShmUsable ? hint : ''}\n`);
    const onDisk = runCli(['v0.11', '--no-fetch', '--format', 'json'], { cwd: fixture.clone, env: { TMPDIR: scratchDir('full-tmp'), PATH: path } });
    expect(onDisk.status).toBe(2);
    expect(onDisk.stderr).toBe('forkdiff: git merge-tree failed: unable to write loose object file: No space left on device\n');
  });

  it('has git store the scratch objects uncompressed, keeping the config the caller passes in the environment', () => {
    const log = join(scratchDir('compression-log'), 'config.txt');
    const bin = gitShim('config-git', `case " $* " in *" merge-tree "*) { git config --get core.looseCompression; git config --get forkdiff.test; } >> ${log} ;; esac`);
    const env = { PATH: `${bin}:${process.env.PATH ?? ''}`, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'forkdiff.test', GIT_CONFIG_VALUE_0: 'kept' };
    const { status, stdout } = runCli(['v0.11', '--no-fetch', '--format', 'json'], { cwd: fixture.clone, env });
    expect(status).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n').filter((line) => line.length > 0);
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(new Set(lines)).toEqual(new Set(['0', 'kept']));
    // Stored, not deflated: the same objects, so the same plan.
    expect((JSON.parse(stdout) as Report).sync).toEqual(report.sync);
  });

  it('adds its config after any GIT_CONFIG_COUNT entries, and leaves a count git would reject to git', () => {
    const own = { key: 'core.looseCompression', value: '0' };
    expect(storedUncompressed({})).toEqual({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: own.key, GIT_CONFIG_VALUE_0: own.value });
    expect(storedUncompressed({ GIT_CONFIG_COUNT: '2' })).toEqual({ GIT_CONFIG_COUNT: '3', GIT_CONFIG_KEY_2: own.key, GIT_CONFIG_VALUE_2: own.value });
    expect(storedUncompressed({ GIT_CONFIG_COUNT: 'two' })).toEqual({});
    expect(storedUncompressed({ GIT_CONFIG_COUNT: '-1' })).toEqual({});
  });

  it('chooses the store by TMPDIR first, then a tmpfs /dev/shm with a gigabyte free', () => {
    const roomy = { isTmpfs: true, available: 8 * 1024 ** 3 };
    expect(scratchParent(undefined, roomy, '/tmp')).toBe('/dev/shm');
    expect(scratchParent('', roomy, '/tmp')).toBe('/dev/shm');
    expect(scratchParent('/var/tmp', roomy, '/var/tmp')).toBe('/var/tmp');
    // Docker's default /dev/shm is 64 MB; a disk-backed one saves nothing; none at all on macOS.
    expect(scratchParent(undefined, { isTmpfs: true, available: 64 * 1024 ** 2 }, '/tmp')).toBe('/tmp');
    expect(scratchParent(undefined, { isTmpfs: false, available: 8 * 1024 ** 3 }, '/tmp')).toBe('/tmp');
    expect(scratchParent(undefined, null, '/tmp')).toBe('/tmp');
  });

  it('says plainly when git is too old to forecast, and reports no plan', () => {
    const bin = gitShim('old-git', 'for arg in "$@"; do [ "$arg" = version ] && { echo "git version 2.37.4"; exit 0; }; done');
    const { status, stdout } = runCli(['v0.11', '--no-fetch', '--format', 'json'], { cwd: fixture.clone, env: { PATH: `${bin}:${process.env.PATH ?? ''}` } });
    expect(status).toBe(0);
    const old = JSON.parse(stdout) as Report;
    expect(old.sync).toBeNull();
    expect(old.notices).toContain('no sync plan: git 2.37.4 cannot forecast merges (merge-tree --write-tree needs git 2.38 or newer)');
    expect(existsSync(join(fixture.clone, '.git/objects'))).toBe(true);
  });
});
