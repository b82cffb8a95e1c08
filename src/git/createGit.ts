import { simpleGit } from 'simple-git';
import type { SimpleGit, SimpleGitProgressEvent } from 'simple-git';
import { interrupted, trackChildOutput } from '../io/exitCleanup.js';
import { GIT_CONFIG, gitEnv } from './gitEnv.js';

/** A simple-git client for `cwd` with forkdiff's read-only environment. */
export const createGit = (cwd: string, onProgress?: (event: SimpleGitProgressEvent) => void): SimpleGit => {
  const env = gitEnv();
  const git = simpleGit({
    baseDir: cwd,
    config: [...GIT_CONFIG],
    maxConcurrentProcesses: 6,
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
    errors: (error, result) => {
      if (error || result.exitCode === 0) return error;
      const stderr = Buffer.concat(result.stdErr).toString('utf8');
      return Buffer.from(stderr.trim() || `git exited with code ${result.exitCode}`);
    },
    ...(onProgress ? { progress: onProgress } : {}),
    // Interrupted, simple-git kills what it runs; the outputs closing tell forkdiff they are gone.
    abort: interrupted,
  });
  return git.env(env).outputHandler((_command, stdout) => trackChildOutput(stdout));
};
