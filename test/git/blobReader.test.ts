import { execFileSync } from 'node:child_process';
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

  it('answers many names at once in order, a large blob whole, a name with a newline as absent, and object ids', async () => {
    const reader = createBlobReader(fixture.fork);
    // Far more than one pipe chunk (64 KiB): the answer arrives in pieces.
    const big = Array.from({ length: 50_000 }, (_, index) => `line ${index}`).join('\n');
    const bigId = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: fixture.fork, input: big, encoding: 'utf8' }).trim();
    const [readme, unaskable, bigBlob, dockerfile] = await reader.readAll(['v0.11:README.md', 'v0.11:no\nsuch', bigId, 'v0.11:Dockerfile']);
    expect(readme?.toString('utf8')).toBe(git(fixture.fork, 'show', 'v0.11:README.md') + '\n');
    expect(unaskable).toBeNull();
    expect(bigBlob?.toString('utf8')).toBe(big);
    expect(dockerfile?.toString('utf8')).toContain('FROM ubuntu:22.04 AS base');
    expect(await reader.idOf('v0.11^{tree}')).toBe(git(fixture.fork, 'rev-parse', 'v0.11^{tree}'));
    expect(await reader.idOf('no-such-ref^{tree}')).toBeNull();
    expect(await reader.read('v0.11', 'two\nlines')).toBeNull();
    reader.close();
  });

  it('answers every later read rightly after a missing name with spaces, or one that names a tree or an unknown commit', async () => {
    // tofu-ls's `.changes/unreleased/BUG FIXES-….yaml`, absent on one side: git answers `<name> missing`, spaces and all.
    const reader = createBlobReader(fixture.fork);
    const names = ['v0.11:no such file.md', 'v0.11:a b c d', 'v0.11:client', 'deadbeef:x y', 'v0.11:README.md', 'v0.11:canonical_utils/read me "ü".md', 'v0.11:Dockerfile'];
    const answers = await reader.readAll(names);
    const shown = (name: string): string => `${git(fixture.fork, 'show', name)}\n`;
    expect(answers.map((answer) => answer?.toString('utf8') ?? null)).toEqual([
      null, null, null, null, shown('v0.11:README.md'), 'Ubuntu-specific notes.\n', shown('v0.11:Dockerfile'),
    ]);
    expect(await reader.read('v0.11', 'README.md')).toBe(git(fixture.fork, 'show', 'v0.11:README.md') + '\n');
    reader.close();
  });

  it('keeps signal handlers installed only while reads wait: an idle reader ends with its stdin', async () => {
    const before = process.listenerCount('SIGTERM');
    const reader = createBlobReader(fixture.fork);
    const reading = reader.read('v0.11', 'README.md');
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(await reading).toContain('# buildkit');
    expect(process.listenerCount('SIGTERM')).toBe(before);
    // Busy again, then idle again: one process, tracked and untracked as it works.
    const again = reader.idOf('v0.11^{tree}');
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    expect(await again).toBe(git(fixture.fork, 'rev-parse', 'v0.11^{tree}'));
    expect(process.listenerCount('SIGTERM')).toBe(before);
    reader.close();
  });
});
