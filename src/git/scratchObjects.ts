import { accessSync, constants, mkdtempSync, rmSync, statfsSync } from 'node:fs';
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
  /** The object directory itself (GIT_OBJECT_DIRECTORY), where forkdiff writes its own scratch commits too (looseObjects.ts). */
  directory: string;
  /** Whether it is in /dev/shm (memory), not in the temporary directory. */
  isInMemory: boolean;
  /**
   * Removes the directory off the main thread (a plan's merges leave hundreds
   * of loose objects); whatever is left when forkdiff exits, on Ctrl-C or on
   * SIGTERM is removed then. Settles once it is gone (never rejects).
   */
  remove(): Promise<void>;
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
  const parent = scratchParent(process.env.TMPDIR, readShm(), tmpdir());
  let directory: string;
  try {
    directory = mkdtempSync(join(parent, 'forkdiff-objects-'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ForkdiffError(`cannot create a temporary object store in ${parent}: ${reason} (set TMPDIR to a writable directory)`);
  }
  const removeNow = onExit(() => rmSync(directory, { recursive: true, force: true }));
  let removing: Promise<void> | null = null;
  // The exit cleanup stays registered until the removal is done.
  const remove = (): Promise<void> => (removing ??= rm(directory, { recursive: true, force: true }).then(removeNow, removeNow));
  const env = { GIT_OBJECT_DIRECTORY: directory, GIT_ALTERNATE_OBJECT_DIRECTORIES: objects, ...storedUncompressed(process.env) };
  return { env, directory, isInMemory: parent === SHM, remove };
};

/**
 * `core.looseCompression=0` for the scratch store's writers, after any
 * config the caller's environment already passes this way. Its objects are
 * thrown away, and deflating every tree and merged blob a merge writes was a
 * fifth of merge-tree's CPU (the bench's 100 MB pair: 1.85 s -> 1.5 s for
 * the tips' merge, the store 14 -> 30 MB). A GIT_CONFIG_COUNT git would
 * reject is left for git to report.
 */
export const storedUncompressed = (env: NodeJS.ProcessEnv): Record<string, string> => {
  const given = env.GIT_CONFIG_COUNT ?? '0';
  if (!/^\d+$/.test(given)) return {};
  const index = Number(given);
  return { GIT_CONFIG_COUNT: String(index + 1), [`GIT_CONFIG_KEY_${index}`]: 'core.looseCompression', [`GIT_CONFIG_VALUE_${index}`]: '0' };
};

/** Linux's shared-memory directory: a tmpfs on most systems, sized by the container in Docker (64 MB by default). */
const SHM = '/dev/shm';
const TMPFS_MAGIC = 0x01021994;
/** Room /dev/shm must have to be used: a plan's store is tens of MB (500 picks on a 2,000-file tree: 18 MB; the bench's 100 MB pair: 108 MB). */
export const MIN_SHM_BYTES = 1024 ** 3;

/** What decides whether /dev/shm takes the scratch store. */
export interface ShmFacts {
  isTmpfs: boolean;
  /** Bytes free to an unprivileged writer. */
  available: number;
}

/** /dev/shm's facts, or null when it is missing or not writable (not Linux, a locked-down sandbox). */
export const readShm = (): ShmFacts | null => {
  try {
    accessSync(SHM, constants.W_OK);
    const stats = statfsSync(SHM);
    return { isTmpfs: stats.type === TMPFS_MAGIC, available: stats.bavail * stats.bsize };
  } catch {
    return null;
  }
};

/**
 * Where the scratch store goes: the user's TMPDIR when set, else a tmpfs
 * /dev/shm with a gigabyte free, else the system's temporary directory.
 * Every merge writes its trees as loose objects, a file each: on a disk
 * that was most of the picks' time (the 500 picks of the 3,000-commit pair
 * in one merge-tree: 2.4-2.5 s on ext4, 1.8-1.9 s of it system time;
 * 0.66-0.68 s on tmpfs).
 */
export const scratchParent = (tmpdirSetting: string | undefined, shm: ShmFacts | null, fallback: string): string => {
  if (tmpdirSetting !== undefined && tmpdirSetting !== '') return fallback;
  return shm !== null && shm.isTmpfs && shm.available >= MIN_SHM_BYTES ? SHM : fallback;
};
