import { execFileSync } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { createGit, isSilentExit } from '../../src/git/createGit.js';
import { scratchDir } from '../helpers/scratch.js';

/**
 * A git command whose last output comes after git itself has exited: an alias
 * whose shell leaves a background writer holding stdout. That is the shape of
 * the race that cut `git log` output short while Node was busy (simple-git
 * settled 50 ms after exit, before reading the rest of the pipe).
 */
const LATE_OUTPUT = ['late'];

/** A client in an empty repository whose own config defines the alias. */
const clientWithAlias = (options?: { forNetwork: boolean }) => {
  const directory = scratchDir('create-git');
  execFileSync('git', ['init', '-q', directory]);
  execFileSync('git', ['config', 'alias.late', '!f() { (sleep 0.4; echo late) & echo early; }; f'], { cwd: directory });
  return createGit(directory, undefined, options);
};

// The network test leaves the alias's background writer holding git's output for 0.4 s: it ends before the worker does.
afterAll(() => delay(500));

describe('createGit', () => {
  it('keeps output written after git exits: local commands settle when stdout closes', async () => {
    const output = await clientWithAlias().raw(LATE_OUTPUT);
    expect(output.split('\n').filter(Boolean)).toEqual(['early', 'late']);
  });

  it('does not wait on helpers that hold the output open for network commands', async () => {
    const started = Date.now();
    const output = await clientWithAlias({ forNetwork: true }).raw(LATE_OUTPUT);
    expect(output.trim()).toBe('early');
    expect(Date.now() - started).toBeLessThan(400);
  });

  it('rejects a failed command with git\'s stderr alone, not the output before it', async () => {
    const directory = scratchDir('create-git-failure');
    execFileSync('git', ['init', '-q', directory]);
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'one'], { cwd: directory });
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: directory, encoding: 'utf8' }).trim();
    // rev-parse prints HEAD's id, then fails on the second argument.
    const error = await createGit(directory).raw(['rev-parse', 'HEAD', 'no-such-ref']).then(() => null, (failure: unknown) => failure as Error);
    expect(error?.message).toMatch(/^fatal: ambiguous argument 'no-such-ref'/);
    expect(error?.message).not.toContain(head);
    expect(isSilentExit(error)).toBe(false);
  });

  it('rejects an exit code that says nothing as a silent exit (merge-base\'s "no common ancestor")', async () => {
    const directory = scratchDir('create-git-silent');
    execFileSync('git', ['init', '-q', directory]);
    for (const branch of ['one', 'two']) {
      execFileSync('git', ['checkout', '-q', '--orphan', branch], { cwd: directory });
      execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', branch], { cwd: directory });
    }
    const error = await createGit(directory).raw(['merge-base', 'one', 'two']).then(() => null, (failure: unknown) => failure as Error);
    expect(error?.message).toBe('git exited with code 1');
    expect(isSilentExit(error)).toBe(true);
  });
});
