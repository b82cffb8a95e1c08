import type { BlobReader } from './blobReader.js';
import type { Repo } from './repo.js';
import { runGitWithInput } from './spawnGit.js';

/**
 * Each name's commit id (names as commit messages give them: full or
 * abbreviated), asked of the run's long-lived `cat-file --batch`: no process
 * per name. Null for a name the repository has no commit for, or that is
 * ambiguous.
 */
export const resolveCommits = async (blobs: BlobReader, names: readonly string[]): Promise<Map<string, string | null>> => {
  // Only object ids: a message's text is never read as a revision (`HEAD~1`, `@{-1}`).
  const unique = [...new Set(names)].filter((name) => /^[0-9a-f]{4,64}$/i.test(name));
  const ids = await Promise.all(unique.map(async (name) => [name, await blobs.idOf(`${name}^{commit}`)] as const));
  const byName = new Map(ids);
  return new Map(names.map((name) => [name, byName.get(name) ?? null]));
};

/**
 * The commits of `commits` (full ids that exist) that `tip` has in its
 * history, `tip` itself included, in one `git rev-list`: `rev-list <commits>
 * ^<tip>` lists every commit the given ones reach and `tip` does not, so a
 * given commit is missing from its output exactly when `tip` reaches it.
 * That was one `merge-base --is-ancestor` per commit, one after another: a
 * fork with hundreds of reverts or `cherry picked from` trailers paid a
 * process each.
 */
export const reachedFrom = async (repo: Repo, tip: string, commits: readonly string[]): Promise<Set<string>> => {
  const unique = [...new Set(commits)];
  if (unique.length === 0) return new Set();
  const output = await runGitWithInput(repo.cwd, ['rev-list', '--stdin'], [...unique, `^${tip}`].map((line) => `${line}\n`).join(''));
  const unreached = new Set(output.split('\n'));
  return new Set(unique.filter((sha) => !unreached.has(sha)));
};
