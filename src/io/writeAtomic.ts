import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, lstat, open, readlink, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ForkdiffError } from '../errors.js';
import { coalesce } from './coalesce.js';
import { onExit } from './exitCleanup.js';

// As the kernel's own limit on links followed in one lookup (Linux MAXSYMLINKS).
const MAX_LINKS = 40;

/**
 * The file a write to `path` lands in: a symlink is followed (also a dangling
 * one, whose target is then created), so the link itself stays a link.
 */
async function followLinks(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < MAX_LINKS; hops += 1) {
    const stats = await lstat(current).catch(() => null);
    if (!stats?.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw new ForkdiffError(`cannot write ${path}: too many levels of symbolic links`);
}

/**
 * `--output FILE`: the report streams into a temporary file beside it, which
 * is then renamed over it, so a reader (or a nightly commit) never sees a
 * half-written report, and a failure leaves the previous one in place.
 * Renaming replaces the file, not its contents, so what the user set on it is
 * carried over: a symlink is written through, and the file keeps its mode.
 */
export async function writeAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  // A device, a pipe or a socket (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written to, never replaced:
  // a rename over /dev/null made it a regular file for every other program on the machine.
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory() === true) throw new ForkdiffError(`cannot write ${path}: it is a directory (name a file in it)`);
  if (existing !== null && !existing.isFile()) return writeStraight(path, chunks);
  const target = await followLinks(resolve(path));
  const directory = dirname(target);
  const isDirectory = await stat(directory).then((stats) => stats.isDirectory(), () => false);
  if (!isDirectory) throw new ForkdiffError(`cannot write ${path}: directory ${directory} does not exist (create it first)`);
  // `existing` is the file a symlink leads to (stat follows links), here a regular file or nothing yet.
  const previousMode = existing === null ? null : existing.mode & 0o7777;
  const temporary = join(directory, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // Also gone if forkdiff is interrupted or exits mid-write (see exitCleanup.ts).
  const removeTemporary = onExit(() => rmSync(temporary, { force: true }));
  try {
    await writeInto(temporary, chunks);
    if (previousMode !== null) await chmod(temporary, previousMode);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw writeError(path, error);
  } finally {
    removeTemporary(); // nothing left to remove once renamed
  }
}

/** Streams the report into the file at `path` (created, or truncated). */
async function writeInto(path: string, chunks: Iterable<string>): Promise<void> {
  const handle = await open(path, 'w');
  try {
    for (const block of coalesce(chunks, { isReused: true })) await handle.write(block);
  } finally {
    await handle.close();
  }
}

/** Writes the report into a file that is not a regular one, as it streams. */
const writeStraight = (path: string, chunks: Iterable<string>): Promise<void> =>
  writeInto(path, chunks).catch((error: unknown) => {
    throw writeError(path, error);
  });

/** An I/O failure as the one line forkdiff prints; anything else (a bug while rendering) as it is. */
function writeError(path: string, error: unknown): unknown {
  if (error instanceof ForkdiffError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error;
  const reason = code === 'EACCES' ? 'permission denied' : (error as Error).message;
  return new ForkdiffError(`cannot write ${path}: ${reason}`);
}
