import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export interface TempDir {
  /** The current test's directory. */
  path(): string;
  /** Write a file (creating folders) and return its absolute path. */
  write(name: string, text: string): Promise<string>;
}

/** A fresh real directory per test, removed afterwards. Call at describe level. */
export function useTempDir(): TempDir {
  let dir: string | null = null;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'forkdiff-check-'));
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });
  const path = (): string => {
    if (!dir) throw new Error('useTempDir: no directory outside a test');
    return dir;
  };
  return {
    path,
    write: async (name, text) => {
      const file = join(path(), name);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, text);
      return file;
    },
  };
}
