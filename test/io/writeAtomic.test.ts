import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/io/writeAtomic.js';
import { scratchDir } from '../helpers/scratch.js';

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('writeAtomic keeps what the user set on the target', () => {
  it('keeps the mode of the file it replaces', async () => {
    const directory = scratchDir('atomic-mode');
    const report = join(directory, 'drift.md');
    writeFileSync(report, 'old\n');
    chmodSync(report, 0o640);
    await writeAtomic(report, ['new\n']);
    expect(readFileSync(report, 'utf8')).toBe('new\n');
    expect(modeOf(report)).toBe(0o640);
    chmodSync(report, 0o755);
    await writeAtomic(report, ['newer\n']);
    expect(modeOf(report)).toBe(0o755);
  });

  it('writes through a symlink, which stays a symlink, and leaves nothing else behind', async () => {
    const directory = scratchDir('atomic-link');
    const real = join(directory, 'reports', 'drift.md');
    const link = join(directory, 'drift.md');
    mkdirSync(join(directory, 'reports'));
    writeFileSync(real, 'old\n');
    chmodSync(real, 0o600);
    symlinkSync('reports/drift.md', link);
    await writeAtomic(link, ['through the link\n']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('reports/drift.md');
    expect(readFileSync(real, 'utf8')).toBe('through the link\n');
    expect(modeOf(real)).toBe(0o600);
    expect(readdirSync(join(directory, 'reports'))).toEqual(['drift.md']);
  });

  it('creates the target of a dangling symlink', async () => {
    const directory = scratchDir('atomic-dangling');
    const link = join(directory, 'drift.md');
    symlinkSync('target.md', link);
    await writeAtomic(link, ['created\n']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(directory, 'target.md'), 'utf8')).toBe('created\n');
  });

  it('refuses a symlink loop with one line', async () => {
    const directory = scratchDir('atomic-loop');
    symlinkSync('b', join(directory, 'a'));
    symlinkSync('a', join(directory, 'b'));
    await expect(writeAtomic(join(directory, 'a'), ['x'])).rejects.toThrow(/too many levels of symbolic links/);
  });
});

describe('writeAtomic into what is not a regular file', () => {
  it('writes into a named pipe (as into /dev/null or /dev/stdout) and leaves it a pipe, never renaming over it', async () => {
    // `--output /dev/null` once renamed a regular file over /dev/null. A FIFO stands in for the device here,
    // so a regression breaks this test, not the machine running it.
    const directory = scratchDir('atomic-fifo');
    const fifo = join(directory, 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => { read += chunk.toString('utf8'); });
    // Bounded: had the pipe been replaced, `cat` would wait for a writer forever.
    const closed = new Promise<boolean>((resolve) => {
      reader.on('close', () => resolve(true));
      setTimeout(() => resolve(false), 3_000).unref();
    });
    try {
      await writeAtomic(fifo, ['drift\n', 'report\n']);
      expect(await closed).toBe(true);
      expect(read).toBe('drift\nreport\n');
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(readdirSync(directory)).toEqual(['report.pipe']);
    } finally {
      reader.kill('SIGKILL');
    }
  });
});
