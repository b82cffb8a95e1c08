import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { ForkdiffError } from '../errors.js';
import { trackChild } from '../io/exitCleanup.js';
import { readBatchAnswer } from './blobs.js';
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

/** One cat-file process, its reads waiting for answers (in order), and the bytes not yet read. */
interface Batch {
  child: ChildProcess;
  queue: Pending[];
  buffer: Buffer;
}

type Unreffable = { ref?: () => void; unref?: () => void } | null;

/** Answers complete in `batch.buffer`, in order, each to the read that asked. */
const drain = (batch: Batch): void => {
  while (batch.queue.length > 0) {
    const answer = readBatchAnswer(batch.buffer, 0);
    if (answer === null) return;
    batch.buffer = batch.buffer.subarray(answer.next);
    batch.queue.shift()?.resolve(answer.blob?.toString('utf8') ?? null);
  }
};

const start = (cwd: string): Batch => {
  const child = spawn('git', [...gitConfigArgs(), 'cat-file', '--batch'], { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'ignore'] });
  trackChild(child); // stopped with forkdiff on Ctrl-C or SIGTERM, like every git child
  const batch: Batch = { child, queue: [], buffer: Buffer.alloc(0) };
  const fail = (error: Error): void => {
    for (const pending of batch.queue.splice(0)) pending.reject(error);
  };
  child.on('error', (error) => fail(new ForkdiffError(`cannot run git: ${error.message} (is git installed and on PATH?)`)));
  child.on('close', () => fail(new ForkdiffError('git cat-file --batch stopped before answering every read')));
  child.stdin?.on('error', () => undefined);
  child.stdout?.on('data', (chunk: Buffer) => {
    batch.buffer = batch.buffer.length === 0 ? chunk : Buffer.concat([batch.buffer, chunk]);
    drain(batch);
    // Idle, the process must not keep forkdiff alive; it ends when its stdin closes.
    if (batch.queue.length === 0) (child.stdout as Unreffable)?.unref?.();
  });
  child.unref();
  (child.stdout as Unreffable)?.unref?.();
  return batch;
};

/**
 * Classifiers read a few dozen whole files per run (each Dockerfile, workflow
 * and manifest on both sides); as `cat-file -e` then `cat-file blob` that was
 * two processes each, one after the other. Here every read is a line on the
 * stdin of one process started on the first read, and answers come back in
 * order on its stdout.
 */
export const createBlobReader = (cwd: string): BlobReader => {
  let batch: Batch | null = null;
  return {
    read: (rev, path) =>
      new Promise<string | null>((resolve, reject) => {
        // A name with a newline cannot be asked on cat-file's line protocol.
        if (path.includes('\n')) return resolve(null);
        batch ??= start(cwd);
        (batch.child.stdout as Unreffable)?.ref?.();
        batch.queue.push({ resolve, reject });
        batch.child.stdin?.write(`${rev}:${path}\n`);
      }),
    close: () => {
      batch?.child.stdin?.end();
      batch = null;
    },
  };
};
