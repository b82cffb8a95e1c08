import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { git } from '../git/fixtureRepo.js';

/** Every file under `dir` (but .git) → its bytes. */
const tree = (dir: string, root = dir): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.name !== '.git')
      .flatMap((entry) => {
        const path = join(dir, entry.name);
        return entry.isDirectory() ? Object.entries(tree(path, root)) : [[relative(root, path), readFileSync(path).toString('base64')]];
      }),
  );

const bytes = (path: string): string | null => (existsSync(path) ? readFileSync(path).toString('base64') : null);

/** What the user owns: working tree, index, HEAD, branches, tags, stash, config. */
export const snapshot = (clone: string) => {
  const gitDir = join(clone, '.git');
  return {
    tree: tree(clone),
    index: bytes(join(gitDir, 'index')),
    indexMtime: statSync(join(gitDir, 'index')).mtimeMs,
    head: bytes(join(gitDir, 'HEAD')),
    config: bytes(join(gitDir, 'config')),
    stash: bytes(join(gitDir, 'refs/stash')),
    stashLog: bytes(join(gitDir, 'logs/refs/stash')),
    headLog: bytes(join(gitDir, 'logs/HEAD')),
    ownRefs: git(clone, 'for-each-ref', '--format=%(refname) %(objectname)', 'refs/heads', 'refs/tags', 'refs/stash'),
    // --no-optional-locks: the check itself must not refresh the index it compares.
    status: git(clone, '--no-optional-locks', 'status', '--porcelain=v1', '--untracked-files=all'),
  };
};

/**
 * A maintainer mid-work: a stash, a staged file, an unstaged edit, an
 * untracked file, and a stale index entry that any index refresh would rewrite.
 */
export function makeUserMidWork(clone: string): void {
  writeFileSync(join(clone, 'README.md'), 'stashed edit\n');
  git(clone, 'stash', '-q');
  writeFileSync(join(clone, 'staged.txt'), 'staged\n');
  git(clone, 'add', 'staged.txt');
  writeFileSync(join(clone, 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(join(clone, 'untracked.txt'), 'untracked\n');
  utimesSync(join(clone, 'go.mod'), new Date('2030-01-01'), new Date('2030-01-01'));
}
