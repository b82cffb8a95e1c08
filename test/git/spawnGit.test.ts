import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGitForCode, spawnGit, spawnGitSpooled } from '../../src/git/spawnGit.js';
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

describe('background git', () => {
  // The process's nice value, as git itself runs (the alias's shell reads its parent's).
  const niceOfGit = ['niceness'];
  const alias = "!f() { sleep 0.3; awk '{ print $19 }' /proc/$PPID/stat; }; f";

  it.runIf(process.platform === 'linux')('runs at a lower priority than the rest of the run', async () => {
    git(dir, 'config', 'alias.niceness', alias);
    const background = await runGitForCode(dir, niceOfGit, { okCodes: [0], isBackground: true });
    const foreground = await runGitForCode(dir, niceOfGit, { okCodes: [0] });
    const own = Number(readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ')[16]);
    expect(Number(foreground.stdout.toString().trim())).toBe(own);
    expect(Number(background.stdout.toString().trim())).toBe(Math.min(own + 10, 19));
  });
});
