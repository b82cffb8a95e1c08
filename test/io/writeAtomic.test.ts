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
