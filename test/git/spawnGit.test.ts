import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnGit, spawnGitSpooled } from '../../src/git/spawnGit.js';
import { git } from './fixtureRepo.js';

let dir: string;
let blob: string;
// Far more than a pipe holds (64 KiB on Linux): git would block on a pipe nobody reads.
const content = Array.from({ length: 40_000 }, (_, index) => `line ${index} of a big file\n`).join('');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-spawn-'));
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'big.txt'), content);
  blob = git(dir, 'hash-object', '-w', 'big.txt');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = async (stream: AsyncIterable<Buffer>): Promise<string> => {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return Buffer.concat(parts).toString('utf8');
};

describe('spawnGitSpooled', () => {
  it('lets git finish before anything is read, then gives all of its output', async () => {
    const spooled = spawnGitSpooled(dir, ['cat-file', '-p', blob]);
    await spooled.done;
    expect(await text(spooled.stdout)).toBe(content);
  });

  it('reads the same bytes as a pipe while git is still writing', async () => {
    const [spooled, piped] = [spawnGitSpooled(dir, ['cat-file', '-p', blob]), spawnGit(dir, ['cat-file', '-p', blob])];
    expect(await text(spooled.stdout)).toBe(await text(piped.stdout));
    await Promise.all([spooled.done, piped.done]);
  });

  it("rejects with git's reason once its output is read", async () => {
    const spooled = spawnGitSpooled(dir, ['cat-file', '-p', 'no-such-object']);
    expect(await text(spooled.stdout)).toBe('');
    await expect(spooled.done).rejects.toThrow(/git cat-file failed: .*no-such-object/);
  });

  it('stops git and the reading on cancel', async () => {
    const spooled = spawnGitSpooled(dir, ['cat-file', '-p', blob]);
    spooled.cancel();
    await spooled.done;
    expect(spooled.stdout.destroyed).toBe(true);
  });
});
