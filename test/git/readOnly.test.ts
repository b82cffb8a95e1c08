import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeFiles } from '../../src/attribution/attributeFiles.js';
import { readDiff } from '../../src/diff/parse.js';
import { openGitSource } from '../../src/git/gitSource.js';
import type { FileDiff } from '../../src/model.js';
import { buildFixture, git } from './fixtureRepo.js';
import type { ForkFixture } from './fixtureRepo.js';

let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

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
const snapshot = (clone: string) => {
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

describe('read-only use of the clone', () => {
  it('changes nothing but remote-tracking and private refs in a full run', async () => {
    const clone = fixture.clone;
    // A maintainer mid-work: a stash, a staged file, an unstaged edit, an untracked file,
    // and a stale index entry that any index refresh would rewrite.
    writeFileSync(join(clone, 'README.md'), 'stashed edit\n');
    git(clone, 'stash', '-q');
    writeFileSync(join(clone, 'staged.txt'), 'staged\n');
    git(clone, 'add', 'staged.txt');
    writeFileSync(join(clone, 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(clone, 'untracked.txt'), 'untracked\n');
    utimesSync(join(clone, 'go.mod'), new Date('2030-01-01'), new Date('2030-01-01'));
    const refsBefore = git(clone, 'for-each-ref', '--format=%(refname)');
    const before = snapshot(clone);

    for (const [upstream, ref] of [['upstream', 'v0.11'], [fixture.upstream + '/', 'v0.10']] as const) {
      const source = await openGitSource({ cwd: clone, upstream, origin: 'origin', ref, fetch: true });
      const diff = source.diff();
      const files: FileDiff[] = [];
      for await (const file of readDiff(diff.stdout, { srcPrefix: source.srcPrefix, dstPrefix: source.dstPrefix }).files) files.push(file);
      await diff.done;
      await attributeFiles(files, source);
      await source.commits();
      await source.readFile('base', 'go.mod');
    }

    expect(snapshot(clone)).toEqual(before);
    const newRefs = git(clone, 'for-each-ref', '--format=%(refname)')
      .split('\n')
      .filter((ref) => !refsBefore.split('\n').includes(ref));
    expect(newRefs.length).toBeGreaterThan(0);
    expect(newRefs.every((ref) => ref.startsWith('refs/remotes/') || ref.startsWith('refs/forkdiff/'))).toBe(true);
    expect(existsSync(join(clone, '.git/FETCH_HEAD'))).toBe(false);
  });
});
