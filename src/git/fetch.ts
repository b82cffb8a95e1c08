import { setTimeout as delay } from 'node:timers/promises';
import { ForkdiffError } from '../errors.js';
import { gitFailureReason } from './failureReason.js';
import type { RemoteTarget, Role } from './remotes.js';
import type { Repo } from './repo.js';

/** One side of the comparison: a ref on a remote. */
export interface RefTarget {
  role: Role;
  remote: RemoteTarget;
  /** Branch name (`v0.11`) or a full ref (`refs/tags/v0.11.6`). */
  ref: string;
}

const sourceRef = (ref: string): string => (ref.startsWith('refs/') ? ref : `refs/heads/${ref}`);
const localRef = (target: RefTarget): string => target.remote.localRef(target.ref.replace(/^refs\/heads\//, ''));
/** Only refspecs forkdiff builds: the user's branches, HEAD and config are out of reach. */
const refspec = (target: RefTarget): string => `+${sourceRef(target.ref)}:${localRef(target)}`;

// Never write FETCH_HEAD, tags or submodules: only the one ref the refspec names.
const QUIET_FETCH = ['fetch', '--no-tags', '--no-write-fetch-head', '--no-recurse-submodules'];

/** Fetches the ref into its remote-tracking (or private) ref and returns its commit. */
export const fetchRef = async (repo: Repo, target: RefTarget): Promise<string> => {
  assertRefName(target);
  try {
    await fetchRetryingOnLocks(repo, [...QUIET_FETCH, target.remote.fetchFrom, refspec(target)]);
  } catch (error) {
    const reason = gitFailureReason(error);
    if (/couldn't find remote ref/i.test(reason)) throw unknownRef(target);
    throw new ForkdiffError(
      `fetching ${target.ref} from ${target.role} remote "${target.remote.spec}" failed: ${reason} (check the remote and your network, or use --no-fetch)`,
    );
  }
  return resolveFetchedRef(repo, target);
};

/** The commit of a ref fetched earlier (`--no-fetch`), or an error saying how to get it. */
export const resolveFetchedRef = async (repo: Repo, target: RefTarget): Promise<string> => {
  assertRefName(target);
  const sha = await repo.git
    .raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${localRef(target)}^{commit}`])
    .then((output) => output.trim())
    .catch(() => '');
  if (!sha) {
    throw new ForkdiffError(
      `no ${target.remote.displayName}/${target.ref} in this clone for the ${target.role} side (run without --no-fetch to fetch it)`,
    );
  }
  return sha;
};

/** Fetches more history behind the ref of a shallow clone: `depth` commits, or all of it. */
export const deepenRef = async (repo: Repo, target: RefTarget, depth: number | 'unshallow'): Promise<void> => {
  const deepen = depth === 'unshallow' ? '--unshallow' : `--deepen=${depth}`;
  try {
    await fetchRetryingOnLocks(repo, [...QUIET_FETCH, deepen, target.remote.fetchFrom, refspec(target)]);
  } catch (error) {
    throw new ForkdiffError(
      `deepening the shallow clone from ${target.role} remote "${target.remote.spec}" failed: ${gitFailureReason(error)} (try git fetch --unshallow)`,
    );
  }
};

/**
 * Two forkdiff runs (or a run and the user's own `git fetch`) updating the
 * same remote-tracking ref at once: the slower one finds the ref moved under
 * it ("cannot lock ref …: is at X but expected Y") or its lock file taken.
 * The other side has just written what this one came to fetch, so trying
 * again shortly succeeds, usually with nothing left to update.
 */
const FETCH_ATTEMPTS = 6;
const isLockContention = (error: unknown): boolean =>
  /cannot lock ref|unable to create '[^']*\.lock': file exists|is at [0-9a-f]+ but expected|unable to update local ref/i.test(
    error instanceof Error ? error.message : String(error),
  );

async function fetchRetryingOnLocks(repo: Repo, args: string[]): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await repo.network.raw(args);
      return;
    } catch (error) {
      if (attempt >= FETCH_ATTEMPTS || !isLockContention(error)) throw error;
      await delay(attempt * 100 + Math.random() * 200); // apart, so two runs do not collide again in step
    }
  }
}

const unknownRef = (target: RefTarget): ForkdiffError =>
  new ForkdiffError(
    `unknown ref "${target.ref}" on the ${target.role} side: remote "${target.remote.spec}" has no ${sourceRef(target.ref)} (check the ref name, e.g. git ls-remote --heads ${target.remote.fetchFrom})`,
  );

const assertRefName = (target: RefTarget): void => {
  if (target.ref.startsWith('-') || /[\s~^:?*[\\]|\.\.|@\{/.test(target.ref)) {
    throw new ForkdiffError(`invalid ref "${target.ref}" for the ${target.role} side: give a branch name such as v0.11`);
  }
};
