import { ForkdiffError } from '../errors.js';
import type { Repo } from './repo.js';

/**
 * `--fork-rev REV`: a commit already in the clone (HEAD of a pull request
 * job, a detached HEAD, a tag, a sha), audited as it is: never fetched.
 */
export const resolveLocalRevision = async (repo: Repo, rev: string): Promise<string> => {
  // A revision starting with "-" would read as an option to git.
  const sha = rev.startsWith('-')
    ? ''
    : await repo.git
        .raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])
        .then((output) => output.trim())
        .catch(() => '');
  if (!sha) {
    throw new ForkdiffError(`--fork-rev "${rev}" is not a commit in this clone (give HEAD, a branch, a tag or a sha; fetch it first if it is remote)`);
  }
  return sha;
};
