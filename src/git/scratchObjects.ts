import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ForkdiffError } from '../errors.js';
import { onExit } from '../io/exitCleanup.js';
import type { Repo } from './repo.js';

/** A private object store: git reads the user's objects and writes its own into a temporary directory. */
export interface ScratchObjects {
  /** Environment for git processes that may write objects (merge-tree, commit-tree). */
  env: Record<string, string>;
  /** The temporary directory itself, where scratch inputs may also go. */
  directory: string;
  /** Removes the directory; also done at exit, on Ctrl-C and on SIGTERM. */
  remove(): void;
}

/**
 * Forecasts write trees and commits, and the user's object database must come
 * out of a run exactly as it went in (`git count-objects` included). git's
 * GIT_OBJECT_DIRECTORY sends every new object to a temporary directory, while
 * GIT_ALTERNATE_OBJECT_DIRECTORIES lets it read the repository's own (and,
 * through them, any alternates the clone already borrows from).
 */
export const openScratchObjects = async (repo: Repo): Promise<ScratchObjects> => {
  const objects = (await repo.git.raw(['rev-parse', '--path-format=absolute', '--git-path', 'objects'])).trim();
  let directory: string;
  try {
    directory = mkdtempSync(join(tmpdir(), 'forkdiff-objects-'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ForkdiffError(`cannot create a temporary object store in ${tmpdir()}: ${reason} (set TMPDIR to a writable directory)`);
  }
  const remove = onExit(() => rmSync(directory, { recursive: true, force: true }));
  return { env: { GIT_OBJECT_DIRECTORY: directory, GIT_ALTERNATE_OBJECT_DIRECTORIES: objects }, directory, remove };
};
