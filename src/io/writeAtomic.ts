import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ForkdiffError } from '../errors.js';
import { coalesce } from './coalesce.js';

/**
 * `--output FILE`: the report streams into a temporary file beside it, which
 * is then renamed over it, so a reader (or a nightly commit) never sees a
 * half-written report, and a failure leaves the previous one in place.
 */
export async function writeAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  const target = resolve(path);
  const directory = dirname(target);
  const isDirectory = await stat(directory).then((stats) => stats.isDirectory(), () => false);
  if (!isDirectory) throw new ForkdiffError(`cannot write ${path}: directory ${directory} does not exist (create it first)`);
  const temporary = join(directory, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'w');
    try {
      for (const block of coalesce(chunks)) await handle.write(block);
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof ForkdiffError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error; // a bug while rendering, not an I/O problem
    const reason = code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ForkdiffError(`cannot write ${path}: ${reason}`);
  }
}
