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
  /** How many added and deleted files git's rename detection pairs exhaustively (`-l`): the user's diff.renameLimit, else RENAME_LIMIT. */
  renameLimit: number;
  isShallow(): Promise<boolean>;
}

/**
 * Rename detection's limit when the user set no diff.renameLimit: git's own
 * for merges. git's 1,000 for diffs drops every inexact rename of a fork far
 * behind (canonical/buildkit's rebase branch against moby master: 169 of 483
 * renames found, the rest read as deleted and added), silently but for a
 * warning on stderr.
 */
export const RENAME_LIMIT = 7000;

/** Opens the git repository around `cwd`, or explains how to run forkdiff without one. */
export const openRepo = async (cwd: string, onProgress?: (event: SimpleGitProgressEvent) => void): Promise<Repo> => {
  // Local commands only; fetch progress goes through `network`.
  const git = existingDirectory(cwd) ? createGit(cwd) : null;
  // The remotes are asked for at once; they count only once this is known to be a repository.
  const listing = git?.getRemotes(true);
  listing?.catch(() => undefined);
  // Unset is an exit code of 1: the default then.
  const configuredLimit = git?.raw(['config', '--type=int', '--get', 'diff.renameLimit']).then((output) => Number.parseInt(output.trim(), 10), () => Number.NaN);
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
  const configured = (await configuredLimit) ?? Number.NaN;
  return { cwd, git, network, remotes, objects, isShallow, renameLimit: Number.isInteger(configured) && configured >= 0 ? configured : RENAME_LIMIT };
};

const existingDirectory = (path: string): boolean => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
