import { isSilentExit } from './createGit.js';
import { deepenRef } from './fetch.js';
import type { RefTarget } from './fetch.js';
import type { Repo } from './repo.js';

export interface MergeBaseResult {
  mergeBase: string | null;
  notices: string[];
}

// Deepen by 32, 64, … commits; past this, fetch the whole history at once.
const FIRST_DEEPEN = 32;
const LAST_DEEPEN = 4096;

/**
 * The merge base of the two tips. A shallow clone usually lacks it, so when
 * fetching is allowed the history is deepened (doubling) until it appears or
 * the clone is complete; without one, the audit falls back to two-tip mode.
 * `forkName` is the audited fork as the user named it (a `--fork-rev`), when
 * that is not the branch a shallow clone deepens.
 */
export const findMergeBase = async (
  repo: Repo,
  sides: { upstream: RefTarget & { sha: string }; fork: RefTarget & { sha: string } },
  isFetching: boolean,
  forkName = `${sides.fork.remote.displayName}/${sides.fork.ref}`,
): Promise<MergeBaseResult> => {
  const { upstream, fork } = sides;
  const label = `${upstream.remote.displayName}/${upstream.ref} and ${forkName}`;
  const fallback = (why: string): MergeBaseResult => ({
    mergeBase: null,
    notices: [`no merge base between ${label}${why}: falling back to two-tip mode (sides unknown)`],
  });

  let mergeBase = await mergeBaseOf(repo, upstream.sha, fork.sha);
  if (mergeBase) return { mergeBase, notices: [] };
  if (!(await repo.isShallow())) return fallback('');
  if (!isFetching) return fallback(' in this shallow clone (run without --no-fetch to deepen it)');

  for (let depth = FIRST_DEEPEN; await repo.isShallow(); depth *= 2) {
    const step = depth > LAST_DEEPEN ? 'unshallow' : depth;
    await deepenRef(repo, fork, step);
    // git refuses to unshallow a repository that is already complete.
    if (await repo.isShallow()) await deepenRef(repo, upstream, step);
    mergeBase = await mergeBaseOf(repo, upstream.sha, fork.sha);
    if (mergeBase) return { mergeBase, notices: [] };
    if (step === 'unshallow') break;
  }
  return fallback(' even in the full history');
};

const mergeBaseOf = async (repo: Repo, a: string, b: string): Promise<string | null> => {
  // Exit code 1 with no output means "no common ancestor", not a failure. Whatever git says is
  // one ("Could not read" a commit of a clone missing objects): not a reason for two-tip mode.
  const output = await repo.git.raw(['merge-base', a, b]).catch((error: unknown) => {
    if (isSilentExit(error)) return '';
    throw error;
  });
  return output.trim() || null;
};
