import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ForkdiffError } from '../errors.js';

/**
 * `--output FILE`: written to a temporary file beside it, then renamed over
 * it, so a reader (or a nightly commit) never sees a half-written report.
 */
export async function writeAtomic(path: string, content: string): Promise<void> {
  const target = resolve(path);
  const directory = dirname(target);
  const isDirectory = await stat(directory).then((stats) => stats.isDirectory(), () => false);
  if (!isDirectory) throw new ForkdiffError(`cannot write ${path}: directory ${directory} does not exist (create it first)`);
  const temporary = join(directory, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason = (error as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new ForkdiffError(`cannot write ${path}: ${reason}`);
  }
}
