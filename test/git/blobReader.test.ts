import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobReader } from '../../src/git/blobReader.js';
import { buildFixture, git } from './fixtureRepo.js';
import type { ForkFixture } from './fixtureRepo.js';

let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

describe('createBlobReader', () => {
  it('reads whole files of any commit through one git process, in order, absent ones as null', async () => {
    const reader = createBlobReader(fixture.fork);
    const [readme, dockerfile, missing, tricky, tree] = await Promise.all([
      reader.read('v0.11', 'README.md'),
      reader.read('v0.11', 'Dockerfile'),
      reader.read('v0.11', 'no/such/file'),
      reader.read('v0.11', 'canonical_utils/read me "ü".md'),
      reader.read('v0.11', 'client'),
    ]);
    expect(readme).toBe(git(fixture.fork, 'show', 'v0.11:README.md') + '\n');
    expect(dockerfile).toContain('FROM ubuntu:22.04 AS base');
    expect(missing).toBeNull();
    expect(tricky).toBe('Ubuntu-specific notes.\n');
    expect(tree).toBeNull();
    // After a close, a read starts a new process.
    reader.close();
    expect(await reader.read('v0.11', 'README.md')).toBe(readme);
    reader.close();
  });
});
