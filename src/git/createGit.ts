import { GitError, simpleGit } from 'simple-git';
import type { SimpleGit, SimpleGitProgressEvent } from 'simple-git';
import { interrupted, trackChildOutput } from '../io/exitCleanup.js';
import { GIT_CONFIG, gitEnv } from './gitEnv.js';

const SILENT_EXIT = 'git exited with code ';

/** Whether a command failed with an exit code alone, saying nothing: how `merge-base` says "no common ancestor". */
export const isSilentExit = (error: unknown): boolean => error instanceof Error && error.message.startsWith(SILENT_EXIT);

/**
 * A simple-git client for `cwd` with forkdiff's read-only environment.
 *
 * simple-git settles a command when its stdout closes or 50 ms after git
 * exits, whichever comes first. While Node is busy classifying, the exit timer
 * can fire before the last chunks in the pipe are read: `git log` output came
 * back cut short (the last 9 of 266 commits, in 6 of 27 runs once the sync plan's merges ran beside the classification).
 * Local commands therefore wait for stdout to close. A network command
 * (`forNetwork`) keeps the exit timer: a helper such as a persisting ssh may
 * hold the pipe open long after git is done, and fetch output is not read.
 */
export const createGit = (cwd: string, onProgress?: (event: SimpleGitProgressEvent) => void, { forNetwork = false } = {}): SimpleGit => {
  const env = gitEnv();
  const git = simpleGit({
    baseDir: cwd,
    config: [...GIT_CONFIG],
    maxConcurrentProcesses: 6,
    completion: forNetwork ? { onClose: true, onExit: 50 } : { onClose: true, onExit: false },
    trimmed: false,
    // The user's own environment (ssh command, askpass, CA bundle, config paths
    // for CI credentials) is trusted and needed to fetch; simple-git would strip
    // or refuse every GIT_* variable. forkdiff builds every argv itself.
    allowEnvironment: Object.keys(env),
    unsafe: {
      allowUnsafeAskPass: true,
      allowUnsafeConfigPaths: true,
      allowUnsafeConfigEnvCount: true,
      allowUnsafeSshCommand: true,
      allowUnsafeGitProxy: true,
      allowUnsafeTemplateDir: true,
      allowUnsafeExec: true,
    },
    // simple-git ignores a non-zero exit when stderr is empty, but that is how
    // `merge-base --is-ancestor` and friends say "no"; every failure must reject.
    // Its own error holds stdout before stderr: megabytes of a log that failed
    // at its last commit (a clone missing an object). git's words are stderr's.
    errors: (error, result) => {
      if (result.exitCode === 0 || (error && !(error instanceof GitError))) return error;
      const stderr = Buffer.concat(result.stdErr).toString('utf8');
      return Buffer.from(stderr.trim() || `${SILENT_EXIT}${result.exitCode}`);
    },
    ...(onProgress ? { progress: onProgress } : {}),
    // Interrupted, simple-git kills what it runs; the outputs closing tell forkdiff they are gone.
    abort: interrupted,
  });
  return git.env(env).outputHandler((_command, stdout) => trackChildOutput(stdout));
};
