import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGitSource } from '../../src/git/gitSource.js';
import { buildFixture, git } from './fixtureRepo.js';
import type { ForkFixture } from './fixtureRepo.js';

let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

/** A repository with a v0.11 branch that shares no commit with the fixture's. */
const unrelatedRepo = (name: string): string => {
  const repo = join(fixture.root, name);
  mkdirSync(repo);
  git(repo, 'init', '-q', '-b', 'v0.11');
  writeFileSync(join(repo, 'README.md'), 'another project\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Initial commit of something else');
  return repo;
};

describe('merge base', () => {
  it('deepens a depth-1 clone until the merge base appears', async () => {
    const shallow = join(fixture.root, 'shallow');
    git(fixture.root, 'clone', '-q', '--depth', '1', '--no-single-branch', `file://${fixture.fork}`, shallow);
    git(shallow, 'remote', 'add', 'upstream', `file://${fixture.upstream}`);
    expect(git(shallow, 'rev-parse', '--is-shallow-repository')).toBe('true');

    const source = await openGitSource({ cwd: shallow, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: true });
    expect(source.mergeBase).toBe(fixture.shas.branchPoint);
    expect(source.notices).toEqual([]);
    // The fork's history below the tip had to be fetched for that.
    expect(Number(git(shallow, 'rev-list', '--count', 'origin/v0.11'))).toBeGreaterThan(1);
    expect(await source.commits()).not.toBeNull();
  });

  it('says plainly when a shallow clone cannot be deepened (--no-fetch)', async () => {
    const shallow = join(fixture.root, 'shallow-nofetch');
    git(fixture.root, 'clone', '-q', '--depth', '1', `file://${fixture.fork}`, shallow);
    git(shallow, 'remote', 'add', 'upstream', fixture.upstream);
    git(shallow, 'fetch', '-q', 'upstream', '+refs/heads/v0.11:refs/remotes/upstream/v0.11');

    const source = await openGitSource({ cwd: shallow, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: false });
    expect(source.mergeBase).toBeNull();
    expect(source.notices).toEqual([
      'no merge base between upstream/v0.11 and origin/v0.11 in this shallow clone (run without --no-fetch to deepen it): falling back to two-tip mode (sides unknown)',
    ]);
  });

  it('falls back to two-tip mode for unrelated histories, with a notice and no commits', async () => {
    const unrelated = unrelatedRepo('unrelated');

    const source = await openGitSource({ cwd: fixture.clone, upstream: unrelated, origin: 'origin', ref: 'v0.11', fetch: true });
    expect(source.mergeBase).toBeNull();
    expect(source.notices).toEqual([
      'no merge base between fx-unrelated/v0.11 and origin/v0.11: falling back to two-tip mode (sides unknown)',
    ]);
    expect(await source.commits()).toBeNull();
    expect(await source.readFile('base', 'README.md')).toBeNull();
  });

  it('names an audited --fork-rev as given, not the branch a shallow clone would deepen', async () => {
    const unrelated = unrelatedRepo('unrelated-rev');

    const source = await openGitSource({ cwd: fixture.clone, upstream: unrelated, origin: 'origin', ref: 'v0.11', forkRev: 'HEAD~1', fetch: true });
    expect(source.mergeBase).toBeNull();
    expect(source.notices).toEqual([
      'no merge base between fx-unrelated-rev/v0.11 and HEAD~1: falling back to two-tip mode (sides unknown)',
    ]);
  });
});
