import type { SimpleGit, SimpleGitProgressEvent } from 'simple-git';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ForkdiffError } from '../errors.js';
import { createGit } from './createGit.js';
import { GIT_MISSING } from './spawnGit.js';

/** A configured remote of the user's clone. */
export interface Remote {
  name: string;
  fetchUrl: string;
}

/** The user's clone, opened read-only. */
export interface Repo {
  /** Where git runs (the directory forkdiff was started in). */
  cwd: string;
  git: SimpleGit;
  /** For `git fetch`: settles when git exits, not when every helper has let go of its output. */
  network: SimpleGit;
  remotes: Remote[];
  /** The object directory, absolute (where a scratch store borrows objects from). */
  objects: string;
  isShallow(): Promise<boolean>;
}

/** Opens the git repository around `cwd`, or explains how to run forkdiff without one. */
export const openRepo = async (cwd: string, onProgress?: (event: SimpleGitProgressEvent) => void): Promise<Repo> => {
  // Local commands only; fetch progress goes through `network`.
  const git = existingDirectory(cwd) ? createGit(cwd) : null;
  // The remotes are asked for at once; they count only once this is known to be a repository.
  const listing = git?.getRemotes(true);
  listing?.catch(() => undefined);
  // Where the objects are, which also says whether this is a repository at all: only git's own
  // "not a git repository" means it is not; anything else is a real failure.
  const objects = await (git?.raw(['rev-parse', '--git-path', 'objects']).then((output) => resolve(cwd, output.trim())) ?? Promise.resolve(null)).catch(
    (error: unknown) => {
      if (error instanceof Error && /not a git repository/i.test(error.message)) return null;
      // The first git forkdiff runs in git mode: without git on PATH, say that, not simple-git's stack.
      if (error instanceof Error && /\bspawn git ENOENT\b/.test(error.message)) throw new ForkdiffError(GIT_MISSING);
      throw error;
    },
  );
  if (!git || objects === null) {
    throw new ForkdiffError(`not a git repository: ${cwd} (run forkdiff inside a clone of the fork, or use --diff-file)`);
  }
  const remotes = (await (listing ?? git.getRemotes(true))).map((remote) => ({ name: remote.name, fetchUrl: remote.refs.fetch }));
  const isShallow = async (): Promise<boolean> =>
    (await git.raw(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  const network = createGit(cwd, onProgress, { forNetwork: true });
  return { cwd, git, network, remotes, objects, isShallow };
};

const existingDirectory = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
