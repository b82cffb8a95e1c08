import { closeSync, mkdtempSync, openSync, read, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ForkdiffError } from '../errors.js';

// As a file stream reads. A larger chunk lives while all its lines are
// handled, long enough to be promoted to V8's old generation, and its bytes
// then stay until the next full collection.
const READ_BYTES = 64 * 1024;
// How long a reader that caught up waits before looking again (the writer may be mid-chunk).
const POLL_MS = 5;

/** A temporary file a child process writes into while forkdiff reads it back. */
export interface SpoolFile {
  fd: number;
  /** Closes the descriptor and removes the file; safe to call more than once. */
  close(): void;
}

/**
 * Opens an empty temporary file for reading and writing. On POSIX it is
 * unlinked at once (the descriptor keeps it alive), so nothing is left
 * behind even if the process is killed.
 */
export const createSpoolFile = (dir = tmpdir()): SpoolFile => {
  let directory: string;
  let fd: number;
  try {
    directory = mkdtempSync(join(dir, 'forkdiff-spool-'));
    fd = openSync(join(directory, 'output'), 'w+');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ForkdiffError(`cannot create a temporary file in ${dir}: ${reason} (set TMPDIR to a writable directory)`);
  }
  const remove = (): void => rmSync(directory, { recursive: true, force: true });
  if (process.platform !== 'win32') remove();
  let isClosed = false;
  return {
    fd,
    close: () => {
      if (isClosed) return;
      isClosed = true;
      closeSync(fd);
      remove();
    },
  };
};

const readAt = (fd: number, buffer: Buffer, position: number): Promise<number> =>
  new Promise((resolve, reject) => read(fd, buffer, 0, buffer.length, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead))));

/**
 * Reads what a writer appends to `fd`, from the start, as it appears, until
 * `finished` has settled (either way) and everything written is read.
 * Positional reads: the writer's file offset is never moved.
 */
export async function* followFile(fd: number, finished: Promise<unknown>): AsyncGenerator<Buffer> {
  let isFinished = false;
  const settled = finished.then(
    () => (isFinished = true),
    () => (isFinished = true),
  );
  let position = 0;
  for (;;) {
    // Checked before reading: whatever a finished writer wrote is then surely in the file.
    const wasFinished = isFinished;
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    const bytesRead = await readAt(fd, buffer, position);
    if (bytesRead > 0) {
      position += bytesRead;
      // A mostly empty buffer is copied so that it does not hold a whole chunk's bytes.
      yield bytesRead >= READ_BYTES / 2 ? buffer.subarray(0, bytesRead) : Buffer.from(buffer.subarray(0, bytesRead));
    } else if (wasFinished) {
      return;
    } else {
      await Promise.race([settled, delay(POLL_MS)]);
    }
  }
}
