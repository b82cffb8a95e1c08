import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeForkFixture } from '../../fixtures/make-fork.mjs';
import type { ForkFixture } from '../../fixtures/make-fork.mjs';
import { makeSeedFork } from '../../fixtures/forks/seed-shaped.mjs';
import type { SeedFork } from '../../fixtures/forks/seed-shaped.mjs';

export type { ForkFixture };

/** A fresh fixture in its own temp dir; call `remove` in afterAll. */
export const buildFixture = async (): Promise<ForkFixture & { remove(): void }> => {
  const dir = mkdtempSync(join(tmpdir(), 'forkdiff-git-'));
  const fixture = await makeForkFixture(join(dir, 'fx'));
  return { ...fixture, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

/** Runs git in a test repo with a fixed identity, isolated from the user's config. */
export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  }).trim();

export const short = (sha: string | undefined): string => (sha ?? '').slice(0, 12);

/** The seed-shaped fork (fixtures/forks/seed-shaped.mjs) in its own temp dir; call `remove` in afterAll. */
export const buildSeedFixture = async (): Promise<SeedFork & { remove(): void }> => {
  const dir = mkdtempSync(join(tmpdir(), 'forkdiff-seed-'));
  const fixture = await makeSeedFork(join(dir, 'fx'));
  return { ...fixture, remove: () => rmSync(dir, { recursive: true, force: true }) };
};
