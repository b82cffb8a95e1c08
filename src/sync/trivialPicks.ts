import type { SidePaths } from '../attribution/attributeFiles.js';
import { pathsByCommit } from '../git/history.js';
import { directoriesAbove } from '../pathDirectories.js';

/** The directories of the paths the fork removed (deleted or renamed away): where it may have moved a whole directory. */
export const directoriesRemovedFrom = (removed: Iterable<string>): string[] => {
  const directories = new Set<string>();
  for (const path of removed) for (const directory of directoriesAbove(path)) directories.add(directory);
  return [...directories].sort();
};

/**
 * A missing commit whose every file no other upstream commit and no fork
 * commit touched since the merge base picks cleanly without a merge: the
 * fork still has each file exactly as the commit's parent had it. Most
 * commits of a big fork far behind are like this, and each merge saved is
 * two git processes.
 *
 * Not where a file lies under a directory the fork no longer has at all
 * (`goneDirectories`): had the fork renamed it (a product renamed, `app/`
 * to `myapp/`), git would move the commit's new file there and stop on a
 * "file location" conflict, as `git cherry-pick` does. Those picks, and
 * those of directories the fork merely emptied, go to git.
 */
export function trivialPicks(upstream: SidePaths, fork: SidePaths, goneDirectories: ReadonlySet<string>): (sha: string) => boolean {
  const touches = pathsByCommit(upstream.pathCommits.byPath);
  return (sha) => {
    const paths = touches.get(sha);
    if (!paths || paths.length === 0) return false;
    return paths.every((path) =>
      upstream.pathCommits.byPath.get(path)?.length === 1 && !upstream.pathCommits.renamedInto.has(path) && !fork.changed.paths.has(path) &&
      !directoriesAbove(path).some((directory) => goneDirectories.has(directory)));
  };
}
