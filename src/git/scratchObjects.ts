import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
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
  /**
   * Removes the directory off the main thread (a plan's merges leave hundreds
   * of loose objects); whatever is left when forkdiff exits, on Ctrl-C or on
   * SIGTERM is removed then.
   */
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
  const { objects } = repo;
  let directory: string;
  try {
    directory = mkdtempSync(join(tmpdir(), 'forkdiff-objects-'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ForkdiffError(`cannot create a temporary object store in ${tmpdir()}: ${reason} (set TMPDIR to a writable directory)`);
  }
  const removeNow = onExit(() => rmSync(directory, { recursive: true, force: true }));
  let removing: Promise<void> | null = null;
  const remove = (): void => {
    // The exit cleanup stays registered until the removal is done.
    removing ??= rm(directory, { recursive: true, force: true }).then(removeNow, removeNow);
  };
  return { env: { GIT_OBJECT_DIRECTORY: directory, GIT_ALTERNATE_OBJECT_DIRECTORIES: objects }, directory, remove };
};
