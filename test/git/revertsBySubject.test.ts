import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openGitSource } from '../../src/git/gitSource.js';
import type { Commits } from '../../src/model.js';
import { buildFixture, git } from './fixtureRepo.js';
import type { ForkFixture } from './fixtureRepo.js';

// GitHub's revert button writes `Revert "<subject>"` and `Reverts owner/repo#N`,
// no sha: such reverts are matched by subject, all of them in one walk of
// upstream's history. Added here on top of the demo fork, audited with --fork-rev.
let fixture: ForkFixture & { remove(): void };
let commits: Commits | null;
const shas: Record<string, string> = {};

const revertBySubject = (subject: string, file: string): string => {
  writeFileSync(join(fixture.clone, file), `${subject}\n`);
  git(fixture.clone, 'add', file);
  git(fixture.clone, 'commit', '-q', '-m', `Revert "${subject}"`, '-m', 'Reverts moby/buildkit#12');
  return git(fixture.clone, 'rev-parse', 'HEAD');
};

beforeAll(async () => {
  fixture = await buildFixture();
  git(fixture.clone, 'checkout', '-q', '--detach', 'origin/v0.11');
  shas.sbom = revertBySubject('fix: nil pointer panic in sbom', 'revert-1.txt');
  shas.race = revertBySubject('session: fix race on close', 'revert-2.txt');
  shas.unknown = revertBySubject('fix: a change upstream never made', 'revert-3.txt');
  const source = await openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: true, forkRev: 'HEAD' });
  commits = await source.commits();
  source.close();
});
afterAll(() => fixture.remove());

describe('reverts named by subject only', () => {
  it('finds each reverted upstream commit by its exact subject, and keeps the subject of one upstream never had', () => {
    const bySubject = commits?.reverts.filter((revert) => Object.values(shas).includes(revert.commit.sha));
    expect(bySubject).toEqual([
      { commit: expect.objectContaining({ sha: shas.unknown }), reverts: null, revertsSubject: 'fix: a change upstream never made' },
      { commit: expect.objectContaining({ sha: shas.race }), reverts: fixture.shas.raceFix, revertsSubject: 'session: fix race on close' },
      { commit: expect.objectContaining({ sha: shas.sbom }), reverts: fixture.shas.sbomFix, revertsSubject: 'fix: nil pointer panic in sbom' },
    ]);
  });

  it('still reads the revert that names its sha, and leaves out the fork reverting its own commit', () => {
    expect(commits?.reverts.map((revert) => revert.commit.sha)).toEqual([shas.unknown, shas.race, shas.sbom, fixture.shas.forkRevert]);
  });
});
