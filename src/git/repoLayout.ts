import { ForkdiffError } from '../errors.js';
import { openRepo } from './repo.js';
import { findRepoRoot } from './repoRoot.js';

/** What `forkdiff init` reads of a clone to suggest a config: remotes and the branches they have. */
export interface RepoLayout {
  /** The top of the work tree, where `.forkdiff.yml` goes. */
  root: string;
  /** Remote names, in git's order. */
  remotes: string[];
  /** Remote → branch names fetched from it (`refs/remotes/<remote>/*`), without `HEAD`. */
  branches: Record<string, string[]>;
  /** Remote → the branch its `HEAD` points at (`refs/remotes/origin/HEAD`), when known. */
  defaultBranch: Record<string, string | null>;
  /** The checked-out branch, or null on a detached HEAD. */
  currentBranch: string | null;
}

/** Reads the clone around `cwd`; it only reads, like every git command forkdiff runs. */
export async function readRepoLayout(cwd: string): Promise<RepoLayout> {
  const root = await findRepoRoot(cwd);
  if (root === null) throw new ForkdiffError(`not a git repository: ${cwd} (run forkdiff init inside a clone of the fork, or pass --config PATH)`);
  const repo = await openRepo(root);
  const remotes = repo.remotes.map((remote) => remote.name);
  const refs = await repo.git.raw(['for-each-ref', '--format=%(refname:strip=2)%00%(symref:strip=2)', 'refs/remotes']);
  const branches: Record<string, string[]> = Object.fromEntries(remotes.map((name) => [name, []]));
  const defaultBranch: Record<string, string | null> = Object.fromEntries(remotes.map((name) => [name, null]));
  for (const line of refs.split('\n').filter((entry) => entry !== '')) {
    const [name = '', target = ''] = line.split('\0');
    const remote = remotes.find((candidate) => name.startsWith(`${candidate}/`));
    if (!remote) continue;
    const branch = name.slice(remote.length + 1);
    if (branch === 'HEAD') defaultBranch[remote] = target.startsWith(`${remote}/`) ? target.slice(remote.length + 1) : null;
    else branches[remote]?.push(branch);
  }
  const head = await repo.git.raw(['symbolic-ref', '--quiet', '--short', 'HEAD']).then((output) => output.trim() || null, () => null);
  return { root, remotes, branches, defaultBranch, currentBranch: head };
}
