import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { ForkdiffError } from '../errors.js';
import { trackWhileBusy } from '../io/exitCleanup.js';
import { answerLength, readBatchAnswer } from './blobs.js';
import { gitConfigArgs, gitEnv } from './gitEnv.js';

/** Whole files at a commit, read through one long-lived `git cat-file --batch`. */
export interface BlobReader {
  /** `rev:path`'s text, or null where it is absent or not a blob. */
  read(rev: string, path: string): Promise<string | null>;
  /** The bytes of each `rev:path` name, in order (null where absent or not a blob). */
  readAll(names: readonly string[]): Promise<(Buffer | null)[]>;
  /** The id of the object a name resolves to (`<commit>^{tree}`), or null where there is none. */
  idOf(name: string): Promise<string | null>;
  /** Ends the git process; further reads start a new one. */
  close(): void;
}

type Answer = { blob: Buffer | null; oid: string | null };

interface Pending {
  resolve(answer: Answer): void;
  reject(error: Error): void;
}

/** One cat-file process, its reads waiting for answers (in order), and the bytes not yet read. */
interface Batch {
  child: ChildProcess;
  /** Stopped with forkdiff on Ctrl-C or SIGTERM while reads wait, like every git child; idle, it ends with forkdiff's stdin. */
  tracking: { busy(): void; idle(): void };
  queue: Pending[];
  /** Bytes received and not yet answered: joined only once the next answer is whole. */
  chunks: Buffer[];
  length: number;
  /** Bytes the next answer needs, once its header is known (0: unknown). */
  needed: number;
}

type Unreffable = { ref?: () => void; unref?: () => void } | null;

/** Answers complete in the received bytes, in order, each to the read that asked. */
const drain = (batch: Batch): void => {
  if (batch.length < batch.needed) return; // a large blob arrives in many chunks: no copy until it is whole
  let buffer = batch.chunks.length === 1 ? (batch.chunks[0] as Buffer) : Buffer.concat(batch.chunks, batch.length);
  batch.needed = 0;
  while (batch.queue.length > 0) {
    const answer = readBatchAnswer(buffer, 0);
    if (answer === null) {
      batch.needed = answerLength(buffer);
      break;
    }
    buffer = buffer.subarray(answer.next);
    batch.queue.shift()?.resolve(answer);
  }
  batch.chunks = buffer.length > 0 ? [buffer] : [];
  batch.length = buffer.length;
};

const start = (cwd: string): Batch => {
  const child = spawn('git', [...gitConfigArgs(), 'cat-file', '--batch'], { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'ignore'] });
  const batch: Batch = { child, tracking: trackWhileBusy(child), queue: [], chunks: [], length: 0, needed: 0 };
  const fail = (error: Error): void => {
    for (const pending of batch.queue.splice(0)) pending.reject(error);
  };
  child.on('error', (error) => fail(new ForkdiffError(`cannot run git: ${error.message} (is git installed and on PATH?)`)));
  child.on('close', () => fail(new ForkdiffError('git cat-file --batch stopped before answering every read')));
  child.stdin?.on('error', () => undefined);
  child.stdout?.on('data', (chunk: Buffer) => {
    batch.chunks.push(chunk);
    batch.length += chunk.length;
    drain(batch);
    // Idle, the process must not keep forkdiff alive; it ends when its stdin closes.
    if (batch.queue.length === 0) {
      (child.stdout as Unreffable)?.unref?.();
      batch.tracking.idle();
    }
  });
  child.unref();
  (child.stdout as Unreffable)?.unref?.();
  return batch;
};

/**
 * Classifiers read a few dozen whole files per run (each Dockerfile, workflow
 * and manifest on both sides), and the history reads the files its checks
 * need; as `cat-file -e` then `cat-file blob` that was two processes each,
 * one after the other, and later one `cat-file --batch` per check. Here every
 * read is a line on the stdin of one process started on the first read, and
 * answers come back in order on its stdout.
 */
export const createBlobReader = (cwd: string): BlobReader => {
  let batch: Batch | null = null;
  const ask = (names: readonly string[]): Promise<Answer>[] => {
    const current = (batch ??= start(cwd));
    (current.child.stdout as Unreffable)?.ref?.();
    current.tracking.busy();
    const answers = names.map(() => new Promise<Answer>((resolve, reject) => current.queue.push({ resolve, reject })));
    // A name with a newline cannot be asked on cat-file's line protocol: it reads as absent.
    current.child.stdin?.write(names.map((name) => `${name.includes('\n') ? 'forkdiff-unaskable-name' : name}\n`).join(''));
    return answers;
  };
  return {
    read: async (rev, path) => (await ask([`${rev}:${path}`])[0])?.blob?.toString('utf8') ?? null,
    readAll: async (names) => (names.length === 0 ? [] : (await Promise.all(ask(names))).map((answer) => answer.blob)),
    idOf: async (name) => (await ask([name])[0])?.oid ?? null,
    close: () => {
      batch?.child.stdin?.end();
      batch = null;
    },
  };
};
