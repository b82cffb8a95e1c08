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

/** Upstream merges a branch --no-ff, as release branches are made; `git revert -m 1` of that merge names it by sha. */
const mergeUpstreamBranch = (): string => {
  git(fixture.upstream, 'checkout', '-q', '-b', 'docs-logo');
  writeFileSync(join(fixture.upstream, 'logo.txt'), 'no spinner\n');
  git(fixture.upstream, 'add', 'logo.txt');
  git(fixture.upstream, 'commit', '-q', '-m', 'docs: drop the logo spinner');
  git(fixture.upstream, 'checkout', '-q', 'v0.11');
  git(fixture.upstream, 'merge', '-q', '--no-ff', '-m', "Merge pull request #17423 from robintown/remove-logo-spinner", 'docs-logo');
  return git(fixture.upstream, 'rev-parse', 'HEAD');
};

beforeAll(async () => {
  fixture = await buildFixture();
  shas.merge = mergeUpstreamBranch();
  git(fixture.clone, 'checkout', '-q', '--detach', 'origin/v0.11');
  shas.sbom = revertBySubject('fix: nil pointer panic in sbom', 'revert-1.txt');
  shas.race = revertBySubject('session: fix race on close', 'revert-2.txt');
  shas.unknown = revertBySubject('fix: a change upstream never made', 'revert-3.txt');
  // Reverts the fork took back (cni-plugins' `Revert "Revert "Fix path substitution…""`): by sha as git writes it, and by subject.
  writeFileSync(join(fixture.clone, 'revert-2.txt'), 'race fixed again\n');
  git(fixture.clone, 'add', 'revert-2.txt');
  git(fixture.clone, 'commit', '-q', '-m', 'Revert "Revert "session: fix race on close""', '-m', `This reverts commit ${shas.race}.`);
  revertBySubject('Revert "fix: a change upstream never made"', 'revert-3.txt');
  revertBySubject('Revert "Revert "fix: a change upstream never made""', 'revert-3.txt');
  writeFileSync(join(fixture.clone, 'revert-4.txt'), 'spinner\n');
  git(fixture.clone, 'add', 'revert-4.txt');
  git(fixture.clone, 'commit', '-q', '-m', 'Revert "Merge pull request #17423 from robintown/remove-logo-spinner"',
    '-m', `This reverts commit ${shas.merge}, reversing\nchanges made to ${git(fixture.upstream, 'rev-parse', 'HEAD^1')}.`);
  shas.mergeRevert = git(fixture.clone, 'rev-parse', 'HEAD');
  // The fork's own commit, reverted with GitHub's button: the fork's business, as a revert naming its sha is.
  writeFileSync(join(fixture.clone, 'ci.txt'), 'build on pull requests\n');
  git(fixture.clone, 'add', 'ci.txt');
  git(fixture.clone, 'commit', '-q', '-m', 'CI: Build and tag container on PRs');
  shas.ownRevert = revertBySubject('CI: Build and tag container on PRs', 'ci.txt');
  // An upstream commit the fork imported under a tag of its own, as incus imports LXD's, then reverted: upstream's is reverted.
  writeFileSync(join(fixture.clone, 'client.txt'), 'closed\n');
  git(fixture.clone, 'add', 'client.txt');
  git(fixture.clone, 'commit', '-q', '-m', '[upstream-import] fix: close leaked response body in client');
  shas.importRevert = revertBySubject('[upstream-import] fix: close leaked response body in client', 'client.txt');
  const source = await openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: true, forkRev: 'HEAD' });
  commits = await source.commits();
  source.close();
});
afterAll(() => fixture.remove());

describe('reverts named by subject only', () => {
  it('finds each reverted upstream commit by its exact subject, and keeps the subject of one upstream never had', () => {
    const bySubject = commits?.reverts.filter((revert) => [shas.sbom, shas.unknown].includes(revert.commit.sha));
    expect(bySubject).toEqual([
      { commit: expect.objectContaining({ sha: shas.unknown }), reverts: null, revertsSubject: 'fix: a change upstream never made' },
      { commit: expect.objectContaining({ sha: shas.sbom }), reverts: fixture.shas.sbomFix, revertsSubject: 'fix: nil pointer panic in sbom' },
    ]);
  });

  it('still reads the revert that names its sha, and leaves out the fork reverting its own commit, by sha or by subject', () => {
    expect(commits?.reverts.map((revert) => revert.commit.sha)).toEqual([shas.importRevert, shas.mergeRevert, shas.unknown, shas.sbom, fixture.shas.forkRevert]);
    expect(shas.ownRevert).toMatch(/^[0-9a-f]{40}$/);
  });

  it('leaves out a revert the fork reverted back, and keeps one whose taking back it took back too', () => {
    // race's revert was reverted by sha; unknown's by subject, and that revert again, by subject: unknown's stands.
    expect(commits?.reverts.map((revert) => revert.commit.sha)).not.toContain(shas.race);
    expect(commits?.reverts.map((revert) => revert.commit.sha)).toContain(shas.unknown);
  });

  it('reads a revert of an upstream commit the fork imported under a tag as a revert of that upstream commit', () => {
    expect(commits?.reverts[0]).toEqual({
      commit: expect.objectContaining({ sha: shas.importRevert }), reverts: fixture.shas.leakFix, revertsSubject: 'fix: close leaked response body in client',
    });
  });

  it("names an upstream merge the fork reverted (SchildiChat's revert of element-web's #17423)", () => {
    expect(commits?.reverts[1]).toEqual({
      commit: expect.objectContaining({ sha: shas.mergeRevert }), reverts: shas.merge, revertsSubject: 'Merge pull request #17423 from robintown/remove-logo-spinner',
    });
  });
});
