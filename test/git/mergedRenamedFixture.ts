import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeMergedRenamedFixture } from '../../fixtures/make-fork.mjs';
import type { ForkFixture } from '../../fixtures/make-fork.mjs';

/** The merged-renamed fork (fixtures/forks/merged-renamed.mjs) in its own temp dir; call `remove` in afterAll. */
export const buildMergedRenamedFixture = async (): Promise<ForkFixture & { remove(): void }> => {
  const dir = mkdtempSync(join(tmpdir(), 'forkdiff-merged-'));
  const fixture = await makeMergedRenamedFixture(join(dir, 'fx'));
  return { ...fixture, remove: () => rmSync(dir, { recursive: true, force: true }) };
};
