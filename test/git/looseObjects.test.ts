import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLooseObjects } from '../../src/git/looseObjects.js';
import { git } from './fixtureRepo.js';
import { scratchDir } from '../helpers/scratch.js';

/** A repository with one commit, in the given object format, and a scratch store that borrows its objects. */
const repoWithScratch = (format: 'sha1' | 'sha256') => {
  const dir = scratchDir(`loose-${format}`);
  const repo = join(dir, 'repo');
  mkdirSync(repo);
  git(repo, 'init', '-q', `--object-format=${format}`);
  git(repo, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'root');
  const scratch = join(dir, 'scratch');
  mkdirSync(scratch);
  const env = { ...process.env, GIT_OBJECT_DIRECTORY: scratch, GIT_ALTERNATE_OBJECT_DIRECTORIES: join(repo, '.git', 'objects') };
  const inScratch = (args: string[], input?: string): string => execFileSync('git', args, { cwd: repo, env, input, encoding: 'utf8' }).trim();
  return { repo, scratch, inScratch, head: git(repo, 'rev-parse', 'HEAD').trim(), tree: git(repo, 'rev-parse', 'HEAD^{tree}').trim() };
};

const commitText = (tree: string, parent: string, subject: string): string =>
  `tree ${tree}\nparent ${parent}\nauthor a <a@a> 0 +0000\ncommitter a <a@a> 0 +0000\n\n${subject}\n`;

describe('scratch commits written as loose objects', () => {
  it.each(['sha1', 'sha256'] as const)('have the ids git hash-object gives them and read back through git (%s)', (format) => {
    const { scratch, inScratch, head, tree } = repoWithScratch(format);
    const texts = ['one', 'two'].map((subject) => commitText(tree, head, subject));
    const ids = writeLooseObjects(scratch, 'commit', texts.map((text) => Buffer.from(text)), tree.length);
    expect(ids.map((id) => id.length)).toEqual([tree.length, tree.length]);
    expect(ids).toEqual(texts.map((text) => inScratch(['hash-object', '-t', 'commit', '--stdin'], text)));
    expect(ids.map((id) => `${inScratch(['cat-file', '-p', id])}\n`)).toEqual(texts);
    // A commit git can walk: its parent is the repository's own.
    expect(inScratch(['rev-parse', `${ids[0] ?? ''}^`])).toBe(head);
  });

  it('writes an object once however often it is asked for, and keeps the ids in order', () => {
    const { scratch, head, tree } = repoWithScratch('sha1');
    const [a, b] = ['a', 'b'].map((subject) => Buffer.from(commitText(tree, head, subject)));
    const ids = writeLooseObjects(scratch, 'commit', [a, b, a, a].filter((body) => body !== undefined), tree.length);
    expect(ids[0]).toBe(ids[2]);
    expect(ids[0]).toBe(ids[3]);
    expect(ids[1]).not.toBe(ids[0]);
    const files = readdirSync(scratch, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files).toHaveLength(2);
    // A later batch into the same store (the fan-out directories are there) writes too.
    const [c] = writeLooseObjects(scratch, 'commit', [Buffer.from(commitText(tree, head, 'c')), a ?? Buffer.alloc(0)], tree.length);
    expect(readdirSync(scratch, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())).toHaveLength(3);
    expect(c).toMatch(/^[0-9a-f]{40}$/);
  });

  it('fails, rather than make it again, when the store was removed (Ctrl-C)', () => {
    const { scratch, head, tree } = repoWithScratch('sha1');
    rmSync(scratch, { recursive: true });
    expect(() => writeLooseObjects(scratch, 'commit', [Buffer.from(commitText(tree, head, 'late'))], tree.length)).toThrow(/ENOENT/);
    expect(existsSync(scratch)).toBe(false);
  });
});
