import type { Repo } from './repo.js';

/**
 * A file's content at a commit, or null when the file does not exist there.
 * `cat-file -e` first, so "absent" is not confused with a failing `show`.
 */
export const showFile = async (repo: Repo, sha: string, path: string): Promise<string | null> => {
  const object = `${sha}:${path}`;
  const exists = await repo.git
    .raw(['cat-file', '-e', object])
    .then(() => true)
    .catch(() => false);
  if (!exists) return null;
  return repo.git.raw(['cat-file', 'blob', object]);
};
