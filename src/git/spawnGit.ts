import { spawn } from 'node:child_process';
import { getPriority, setPriority } from 'node:os';
import type { ChildProcess } from 'node:child_process';
import { Readable } from 'node:stream';
import { interrupted, trackChild } from '../io/exitCleanup.js';
import { createSpoolFile, followFile } from '../io/spool.js';
import { ForkdiffError } from '../errors.js';
import { gitFailureReason } from './failureReason.js';
import { gitConfigArgs, gitEnv } from './gitEnv.js';

/** A running git command whose output is read as a stream. */
export interface GitProcess {
  stdout: Readable;
  /** Resolves when git exits 0; rejects with a one-line ForkdiffError otherwise. */
  done: Promise<void>;
  /** Stops git early, e.g. when the reader gives up; `done` then resolves. */
  cancel(): void;
  /** The `warning:` lines git wrote on stderr so far, without the prefix (a rename detection it skipped). */
  warnings(): string[];
}

export const GIT_MISSING = 'cannot run git: no git command found (is git installed and on PATH?)';

// Keep only the end of stderr: enough for git's reason, bounded for chatty failures.
const STDERR_LIMIT = 8_192;

/**
 * Runs git without buffering its output (simple-git would hold a whole diff
 * of a huge fork in memory). `input`, when given, is written to stdin.
 */
export const spawnGit = (cwd: string, args: string[], input?: string, env?: Record<string, string>): GitProcess => {
  const { child, done, cancel, warnings } = start(cwd, args, 'pipe', { input, env });
  if (!child.stdout) throw new Error('git was started without a stdout pipe');
  return { stdout: child.stdout, done, cancel, warnings };
};

/**
 * Like `spawnGit`, but git writes straight into a temporary file that is read
 * back as it grows. git then runs at its own pace, never blocked on a full
 * pipe while forkdiff is busy (e.g. waiting for history queries): the waiting
 * bytes sit on disk, not in memory. The file goes once read, or on cancel.
 */
export const spawnGitSpooled = (cwd: string, args: string[], env?: Record<string, string>): GitProcess => {
  const file = createSpoolFile();
  try {
    const { done, cancel, warnings } = start(cwd, args, file.fd, { env });
    const chunks = followFile(file.fd, done);
    const stdout = Readable.from(
      (async function* closing() {
        try {
          yield* chunks;
        } finally {
          file.close();
        }
      })(),
      { objectMode: false },
    );
    return {
      stdout,
      done,
      warnings,
      cancel: () => {
        cancel();
        stdout.destroy();
        file.close();
      },
    };
  } catch (error) {
    file.close();
    throw error;
  }
};

/** How `start` runs git beyond its arguments: stdin text, extra environment, the exit codes that count as success, and whether it runs at a lower priority. */
interface StartOptions {
  input?: string;
  env?: Record<string, string>;
  okCodes?: readonly number[];
  isBackground?: boolean;
}

const start = (
  cwd: string,
  args: string[],
  stdout: 'pipe' | number,
  { input, env, okCodes = [0], isBackground = false }: StartOptions = {},
): { child: ChildProcess; done: Promise<void>; cancel(): void; code(): number | null; warnings(): string[] } => {
  if (interrupted.aborted) throw new ForkdiffError('interrupted'); // no new git once forkdiff is stopping
  const child = spawn('git', [...gitConfigArgs(), ...args], {
    cwd,
    env: { ...gitEnv(), ...env },
    stdio: ['pipe', stdout, 'pipe'],
  });
  trackChild(child);
  if (isBackground) lowerPriority(child);
  let stderr = '';
  let isCancelled = false;
  let exitCode: number | null = null;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_LIMIT);
  });
  const warnings = (): string[] => stderr.split('\n').filter((line) => line.startsWith('warning: ')).map((line) => line.slice('warning: '.length));
  // git may exit before reading all of stdin (e.g. on a bad revision); its exit code says why.
  child.stdin?.on('error', () => undefined);
  child.stdin?.end(input);
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (error) =>
      reject(new ForkdiffError((error as NodeJS.ErrnoException).code === 'ENOENT' ? GIT_MISSING : `cannot run git: ${error.message}`)),
    );
    child.on('close', (code) => {
      exitCode = code;
      if ((code !== null && okCodes.includes(code)) || isCancelled) return resolve();
      const reason = stderr.trim() ? gitFailureReason(stderr) : `exit code ${String(code)}`;
      reject(new ForkdiffError(`git ${args[0] ?? ''} failed: ${reason}`));
    });
  });
  // Callers that only read stdout must not crash the process with an unhandled rejection.
  done.catch(() => undefined);
  const cancel = (): void => {
    isCancelled = true;
    child.kill();
  };
  return { child, done, cancel, code: () => exitCode, warnings };
};

/**
 * Background work (the sync plan's merges) yields the CPU to the git
 * processes and the Node thread every file waits for: on two cores a merge
 * of two big trees otherwise delays the line history by as long as it runs.
 * Where the OS refuses, the child simply runs at normal priority.
 */
const lowerPriority = (child: ChildProcess): void => {
  if (child.pid === undefined) return;
  try {
    setPriority(child.pid, Math.min(getPriority() + BACKGROUND_NICENESS, LOWEST_PRIORITY));
  } catch {
    // Not permitted here, or the child is already gone: nothing to lower.
  }
};

/** How much nicer than forkdiff itself background git runs (as `nice` does by default). */
const BACKGROUND_NICENESS = 10;
/** The highest nice value (lowest priority) there is. */
const LOWEST_PRIORITY = 19;

/**
 * Runs git to completion, accepting the exit codes in `okCodes` (merge-tree
 * says "conflicts" with 1), and returns its output and exit code.
 * `isBackground` runs it at a lower priority (see lowerPriority).
 */
export const runGitForCode = async (
  cwd: string,
  args: string[],
  options: StartOptions & { okCodes: readonly number[] },
): Promise<{ stdout: Buffer; code: number }> => {
  const { child, done, code } = start(cwd, args, 'pipe', options);
  const chunks: Buffer[] = [];
  for await (const chunk of child.stdout ?? []) chunks.push(chunk as Buffer);
  await done;
  return { stdout: Buffer.concat(chunks), code: code() ?? 0 };
};

/** Runs git to completion and returns stdout as text (for small outputs that need stdin). */
export const runGitWithInput = async (cwd: string, args: string[], input: string, env?: Record<string, string>): Promise<string> => {
  const git = spawnGit(cwd, args, input, env);
  const chunks: Buffer[] = [];
  for await (const chunk of git.stdout) chunks.push(chunk as Buffer);
  await git.done;
  return Buffer.concat(chunks).toString('utf8');
};
