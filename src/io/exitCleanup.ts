import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Nothing of a run may outlive it. Node's default on SIGINT, SIGTERM or
 * SIGHUP is to die at once, without running 'exit' listeners: a `git fetch`
 * child went on and wrote a ref after forkdiff had exited, and an interrupted
 * `--output` left its 9 MB temporary file.
 *
 * Here, cleanups (removing temporary files and directories) run however the
 * process ends: normally, on an error, or on a signal. Each runs once,
 * synchronously, newest first. On a signal, every git child is also stopped
 * and waited for; then forkdiff says so in one line and re-raises the signal,
 * so the exit status says what stopped it.
 */
type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
const children = new Set<ChildProcess>();
/** Outputs of children started by simple-git, which gives no handle on the process itself. */
const childOutputs = new Set<NodeJS.ReadableStream>();
const interruption = new AbortController();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
// Long enough for git to remove its lock files; short enough for a user who pressed Ctrl-C.
const CHILD_GRACE_MS = 3_000;
let isInstalled = false;

/** Aborted on SIGINT/SIGTERM/SIGHUP: simple-git kills the children it runs when it is. */
export const interrupted: AbortSignal = interruption.signal;

const runAll = (): void => {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // A cleanup that fails must not stop the others, nor hide why we exit.
    }
  }
};

async function stopChildren(): Promise<void> {
  interruption.abort();
  for (const child of children) child.kill('SIGTERM');
  const ended = (emitter: NodeJS.EventEmitter, event: string): Promise<unknown> => once(emitter, event).catch(() => undefined);
  const gone = Promise.all([...[...children].map((child) => ended(child, 'exit')), ...[...childOutputs].map((output) => ended(output, 'close'))]);
  await Promise.race([gone, delay(CHILD_GRACE_MS)]);
  for (const child of children) child.kill('SIGKILL');
}

let isStopping = false;
const onSignal = (signal: NodeJS.Signals): void => {
  if (isStopping) return;
  isStopping = true;
  runAll();
  void stopChildren().finally(() => {
    process.stderr.write(`forkdiff: stopped by ${signal}\n`);
    for (const each of SIGNALS) process.removeListener(each, onSignal);
    process.kill(process.pid, signal); // die of the signal (exit 130 for Ctrl-C in a shell)
  });
};

const install = (): void => {
  if (isInstalled) return;
  isInstalled = true;
  process.on('exit', runAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
};

/**
 * With nothing left to remove or stop, the handlers go: a signal then does
 * what it does to any process (a library caller's, or a test worker's, is
 * not told "forkdiff: stopped by SIGTERM" when nothing of forkdiff runs).
 */
const uninstallWhenIdle = (): void => {
  if (!isInstalled || isStopping || cleanups.size > 0 || children.size > 0 || childOutputs.size > 0) return;
  isInstalled = false;
  process.removeListener('exit', runAll);
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
};

/** Registers `cleanup` until the returned function is called (which runs it now). */
export const onExit = (cleanup: Cleanup): (() => void) => {
  install();
  let hasRun = false;
  const runOnce = (): void => {
    if (hasRun) return;
    hasRun = true;
    cleanup();
  };
  cleanups.add(runOnce);
  return () => {
    cleanups.delete(runOnce);
    runOnce();
    uninstallWhenIdle();
  };
};

/**
 * A long-lived child that is stopped with forkdiff only while it works: idle,
 * it ends by itself when forkdiff's end closes its stdin (the run's
 * `cat-file --batch`), so it keeps no signal handler installed then.
 */
export const trackWhileBusy = (child: ChildProcess): { busy(): void; idle(): void } => {
  const idle = (): void => {
    if (children.delete(child)) uninstallWhenIdle();
  };
  child.once('exit', idle);
  return {
    busy: () => {
      install();
      children.add(child);
    },
    idle,
  };
};

/** A child that is stopped, and waited for, if forkdiff is interrupted: busy until it exits. */
export const trackChild = (child: ChildProcess): void => trackWhileBusy(child).busy();

/** The stdout of a child started elsewhere (simple-git): it closes when the child is gone. */
export const trackChildOutput = (stdout: NodeJS.ReadableStream): void => {
  install();
  childOutputs.add(stdout);
  stdout.once('close', () => {
    childOutputs.delete(stdout);
    uninstallWhenIdle();
  });
};
