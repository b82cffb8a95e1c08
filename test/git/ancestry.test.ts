import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reachedFrom, resolveCommits } from '../../src/git/ancestry.js';
import { createBlobReader } from '../../src/git/blobReader.js';
import type { BlobReader } from '../../src/git/blobReader.js';
import { openGitSource } from '../../src/git/gitSource.js';
import type { GitSource } from '../../src/git/gitSource.js';
import { openRepo } from '../../src/git/repo.js';
import type { Repo } from '../../src/git/repo.js';
import { buildFixture, git } from './fixtureRepo.js';
import type { ForkFixture } from './fixtureRepo.js';

// The demo fork: contextCheck is upstream's before the branch point, leakFix
// upstream's after it (the fork cherry-picked it, so it has a copy, not the
// commit), forkRevert the fork's own.
let fixture: ForkFixture & { remove(): void };
let repo: Repo;
let blobs: BlobReader;
let source: GitSource;
let upstreamTip: string;
const UNKNOWN = '0123456789abcdef0123456789abcdef01234567';

beforeAll(async () => {
  fixture = await buildFixture();
  source = await openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: true });
  repo = await openRepo(fixture.clone);
  blobs = createBlobReader(fixture.clone);
  upstreamTip = source.upstream.sha;
});
afterAll(() => {
  blobs.close();
  source.close();
  fixture.remove();
});

describe('resolveCommits', () => {
  it('gives full and abbreviated ids their commit, and null to names the repository has no commit for', async () => {
    const { leakFix = '', forkRevert = '' } = fixture.shas;
    const tree = git(fixture.clone, 'rev-parse', `${forkRevert}^{tree}`);
    const ids = await resolveCommits(blobs, [leakFix, leakFix.slice(0, 10), UNKNOWN, tree, 'HEAD', forkRevert.toUpperCase()]);
    expect([...ids]).toEqual([
      [leakFix, leakFix],
      [leakFix.slice(0, 10), leakFix],
      [UNKNOWN, null],
      // A tree is not a commit, and a message's text is never read as a revision.
      [tree, null],
      ['HEAD', null],
      [forkRevert.toUpperCase(), forkRevert],
    ]);
  });
});

describe('reachedFrom', () => {
  it('keeps exactly the commits the tip has in its history, the tip itself included', async () => {
    const { contextCheck = '', leakFix = '', forkRevert = '', forkCherryPick = '' } = fixture.shas;
    const reached = await reachedFrom(repo, upstreamTip, [contextCheck, leakFix, forkRevert, forkCherryPick, upstreamTip, contextCheck]);
    expect([...reached].sort()).toEqual([contextCheck, leakFix, upstreamTip].sort());
    // Each answer agrees with git's own merge-base --is-ancestor.
    for (const sha of [contextCheck, leakFix, forkRevert, forkCherryPick]) {
      const isAncestor = (() => {
        try {
          git(fixture.clone, 'merge-base', '--is-ancestor', sha, upstreamTip);
          return true;
        } catch {
          return false;
        }
      })();
      expect(reached.has(sha)).toBe(isAncestor);
    }
  });

  it('asks nothing of git for no commits', async () => {
    expect(await reachedFrom(repo, 'not-a-revision', [])).toEqual(new Set());
  });

  it('answers for names as commit trailers give them, through the forecaster: unknown ones are not upstream', async () => {
    const { leakFix = '', forkRevert = '' } = fixture.shas;
    const names = [leakFix.slice(0, 12), forkRevert, UNKNOWN];
    expect(await source.forecaster.reachedFrom(upstreamTip, names)).toEqual(new Set([leakFix.slice(0, 12)]));
    expect(await source.forecaster.reachedFrom(source.fork.sha, names)).toEqual(new Set([forkRevert]));
  });
});
