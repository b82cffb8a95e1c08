import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { ForkdiffError } from '../errors.js';
import { gitConfigArgs, gitEnv } from './gitEnv.js';

/** Whole files at a commit, read through one long-lived `git cat-file --batch`. */
export interface BlobReader {
  /** `rev:path`'s text, or null where it is absent or not a blob. */
  read(rev: string, path: string): Promise<string | null>;
  /** Ends the git process; further reads start a new one. */
  close(): void;
}

interface Pending {
  resolve(text: string | null): void;
  reject(error: Error): void;
}

const NEWLINE = 10;

/**
 * Classifiers read a few dozen whole files per run (each Dockerfile, workflow
 * and manifest on both sides); as `cat-file -e` then `cat-file blob` that was
 * two processes each, one after the other. Here every read is a line on the
 * stdin of one process started on the first read, and answers come back in
 * order on its stdout: `<oid> blob <size>\n<bytes>\n`, or `<name> missing\n`.
 */
export const createBlobReader = (cwd: string): BlobReader => {
  let child: ChildProcess | null = null;
  const queue: Pending[] = [];
  let buffer: Buffer = Buffer.alloc(0);

  const fail = (error: Error): void => {
    for (const pending of queue.splice(0)) pending.reject(error);
    child = null;
  };
  const drain = (): void => {
    while (queue.length > 0) {
      const end = buffer.indexOf(NEWLINE);
      if (end === -1) return;
      const header = buffer.toString('utf8', 0, end).split(' ');
      if (header.length !== 3) {
        buffer = buffer.subarray(end + 1);
        queue.shift()?.resolve(null);
        continue;
      }
      const size = Number(header[2]);
      if (buffer.length < end + 1 + size + 1) return;
      const body = buffer.toString('utf8', end + 1, end + 1 + size);
      buffer = buffer.subarray(end + 1 + size + 1);
      queue.shift()?.resolve(header[1] === 'blob' ? body : null);
    }
  };
  const start = (): ChildProcess => {
    const started = spawn('git', [...gitConfigArgs(), 'cat-file', '--batch'], { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'ignore'] });
    started.on('error', (error) => fail(new ForkdiffError(`cannot run git: ${error.message} (is git installed and on PATH?)`)));
    started.on('close', () => {
      if (queue.length > 0) fail(new ForkdiffError('git cat-file --batch stopped before answering every read'));
      child = null;
    });
    started.stdin?.on('error', () => undefined);
    started.stdout?.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      drain();
    });
    // A reader that is idle must not keep the process alive.
    started.unref();
    (started.stdout as unknown as { unref?: () => void } | null)?.unref?.();
    return started;
  };
  return {
    read: (rev, path) =>
      new Promise<string | null>((resolve, reject) => {
        // A name with a newline cannot be asked on cat-file's line protocol.
        if (path.includes('\n')) return resolve(null);
        child ??= start();
        (child.stdout as unknown as { ref?: () => void } | null)?.ref?.();
        queue.push({
          resolve: (text) => {
            if (queue.length === 0) (child?.stdout as unknown as { unref?: () => void } | null)?.unref?.();
            resolve(text);
          },
          reject,
        });
        child.stdin?.write(`${rev}:${path}\n`);
      }),
    close: () => {
      child?.stdin?.end();
      child = null;
    },
  };
};
