/**
 * Cleanups that must run however the process ends: normally, on an error, or
 * on Ctrl-C / SIGTERM / SIGHUP (Node's default for those signals exits
 * without running 'exit' listeners). Each runs once, synchronously, newest
 * first; then a signal is re-raised so the exit status says what stopped us.
 */
type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let isInstalled = false;

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

const onSignal = (signal: NodeJS.Signals): void => {
  runAll();
  for (const each of SIGNALS) process.removeListener(each, onSignal);
  process.kill(process.pid, signal);
};

const install = (): void => {
  if (isInstalled) return;
  isInstalled = true;
  process.on('exit', runAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
};

/** Registers `cleanup` until the returned function is called (which runs it now). */
export const onExit = (cleanup: Cleanup): (() => void) => {
  install();
  let hasRun = false;
  const once = (): void => {
    if (hasRun) return;
    hasRun = true;
    cleanup();
  };
  cleanups.add(once);
  return () => {
    cleanups.delete(once);
    once();
  };
};
