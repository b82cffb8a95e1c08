import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFixSubject, isFixTrailer } from '../../src/git/commitLog.js';
import { openGitSource } from '../../src/git/gitSource.js';
import type { CommitInfo, Commits } from '../../src/model.js';
import { buildFixture } from './fixtureRepo.js';
import type { ForkFixture } from './fixtureRepo.js';

let fixture: ForkFixture & { remove(): void };
let commits: Commits | null;
let early: readonly CommitInfo[] | null;
beforeAll(async () => {
  fixture = await buildFixture();
  const source = await openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: true });
  // Asked first, as the sync plan does: the range's log alone, before the lists are settled.
  early = await source.missingCommits();
  commits = await source.commits();
});
afterAll(() => fixture.remove());

describe('commits', () => {
  it('knows the missing commits from the log of the range alone, the same list the settled lists keep', () => {
    expect(early?.length).toBeGreaterThan(0);
    expect(early).toEqual(commits?.missingFromFork);
  });

  it('lists upstream commits the fork lacks, with full shas, authors, ISO dates and fix flags', () => {
    const missing = commits?.missingFromFork ?? [];
    expect(missing.map((commit) => commit.subject)).toEqual([
      'fix: Name on a nil session panics',
      'fix: retry ping when the daemon starts slowly (#7)',
      'fix: reject tar entries that escape the destination (CVE-2024-23653)',
      'Dockerfile: update containerd to v1.6.21',
      'docs: refresh logo',
      'hack: rename release-notes to release-notes.sh',
      'session: fix race on close',
      'vendor: update containerd to v1.6.21 and runc to v1.1.5',
      'fix: nil pointer panic in sbom',
    ]);
    expect(missing.at(-1)).toEqual({
      sha: fixture.shas.sbomFix,
      subject: 'fix: nil pointer panic in sbom',
      author: 'Fixture Author',
      date: expect.stringMatching(/^2023-01-02T\d\d:00:00\+00:00$/),
      isFix: true,
      security: [],
    });
    expect(missing.filter((commit) => commit.isFix).map((commit) => commit.sha)).toEqual([
      fixture.shas.nameGuard, fixture.shas.retryMerged, fixture.shas.cveFix, fixture.shas.raceFix, fixture.shas.sbomFix,
    ]);
    expect(missing.find((commit) => commit.sha === fixture.shas.cveFix)?.security).toEqual(['CVE-2024-23653']);
  });

  it('counts a cherry-picked upstream fix as applied, paired with the fork commit of the same patch-id', () => {
    const subjects = [...(commits?.missingFromFork ?? []), ...(commits?.forkOnly ?? [])].map((commit) => commit.subject);
    expect(subjects).not.toContain('fix: close leaked response body in client');
    expect(commits?.applied).toEqual([
      { commit: expect.objectContaining({ sha: fixture.shas.leakFix }), how: 'patch-id', forkCommit: fixture.shas.forkCherryPick },
    ]);
  });

  it('lists the fork-only commits', () => {
    expect(commits?.forkOnly.map((commit) => commit.sha)).toEqual([
      fixture.shas.forkPort,
      fixture.shas.forkTryRevert,
      fixture.shas.forkTry,
      fixture.shas.forkRetry,
      fixture.shas.forkCarry,
      fixture.shas.forkRevert,
      fixture.shas.forkFetch,
      fixture.shas.forkPinSys,
      fixture.shas.forkDropTest,
      fixture.shas.forkCi,
      fixture.shas.forkPin,
      fixture.shas.forkUbuntu,
    ]);
  });

  it('detects the fork commit that reverts an upstream fix made before the branch point', () => {
    expect(commits?.reverts).toEqual([
      {
        commit: expect.objectContaining({ sha: fixture.shas.forkRevert, subject: 'Revert "fix: check context cancellation in session manager"' }),
        reverts: fixture.shas.contextCheck,
        revertsSubject: 'fix: check context cancellation in session manager',
      },
    ]);
  });

  it('reads fix words in subjects', () => {
    expect(['fix: x', 'Fixes #12', 'backport 4321', 'CVE-2024-1234 in tar', 'avoid deadlock', 'goroutine leak'].every(isFixSubject)).toBe(true);
    expect(['docs: prefix the README', 'add feature', 'bump version'].some(isFixSubject)).toBe(false);
    // Failures named as such (wlroots, piaware, libfprint), whole words only.
    expect([
      'xwayland: avoid crash on repeated server_finish_display() call',
      'Make the adept socket nonblocking earlier to avoid hangs in the handshake.',
      'Workaround for "array set" segfault under tcl 8.6.2',
      'fp-device: Gracefully handle capture calls on devices with no support',
      'guard against a null pointer in the parser',
      'xwm: prevent X11 clients from blowing our stack by opening too many windows',
    ].every(isFixSubject)).toBe(true);
    expect(['Correct typo in error message', 'Add regression test for optional normalisation', 'add clip path to avoid overflow of device name', 'hangar: new module', 'crashpad: bump', 'Update mlat backfeed prevention'].some(isFixSubject)).toBe(false);
    // Documentation is no behaviour a fork lacks, whatever it fixes.
    expect(['docs: fix typos (MR 2510)', 'doc/howto/server_expose: fix typo', 'readme: fix broken IRC web client link', 'docs(api): fix a crash in the example'].some(isFixSubject)).toBe(false);
    expect(['docker: fix the build', 'docker/build: fix typo'].every(isFixSubject)).toBe(true);
    expect(isFixSubject('Revert "fix: nil pointer panic in sbom"')).toBe(false);
    // A linter satisfied is no behaviour a fork lacks (cni-plugins, helix); a linter's own fixes, or a crash while linting, are.
    expect(['mechanical: fix lint errors', 'fix revive linter', 'Fix golangci-lint warnings', 'lint: fix unused variable', 'Fix clippy lints'].some(isFixSubject)).toBe(false);
    expect(['clippy: fix false positive in needless_return', 'fix: crash when linting large files', 'ruff: fix panic on empty files', 'fix: crash in the lint command'].every(isFixSubject)).toBe(true);
    // A type checker satisfied likewise (misskey's guards that narrow a type); a runtime TypeError, or a crash in a type checker, is a fix.
    expect(['fix type errors', 'chore(frontend): fix type errors', 'fix(frontend): Paginatorの型エラー解消 (#16230)', 'Fix mypy errors', 'fix typecheck', 'fix type-checking failures in CI'].some(isFixSubject)).toBe(false);
    expect(['fix: TypeError when the title is None', 'fix: crash in the type checker', 'fix type error in the parser (#12)'].every(isFixSubject)).toBe(true);
  });

  it('reads a trailer naming the bug a commit fixes, on a line of its own', () => {
    const fixes = ['Fixes: #1221', 'Fixes #12', 'fixes moby/buildkit#33', 'Fixes: 1a2b3c4d5e6f ("session: close once")', 'Fixes https://github.com/a/b/issues/12', 'Fixes: OCPBUGS-5289'];
    expect(fixes.map((trailer) => isFixTrailer('bandwidth: handle nil bandwidth in CHECK', `Somehow we missed this case.\n\n${trailer}\n\nSigned-off-by: C <c@example.com>`))).toEqual(fixes.map(() => true));
    // Words in a sentence, other keywords, a revert or documentation are not.
    expect(['This fixes a bug in #12 too.', 'Fixes the build', 'Closes #12', 'Fixed: typo'].some((body) => isFixTrailer('sbr: add options', body))).toBe(false);
    expect(isFixTrailer('Revert "bandwidth: handle nil bandwidth in CHECK"', 'Fixes: #1221')).toBe(false);
    expect(isFixTrailer('docs: describe CHECK', 'Fixes: #1221')).toBe(false);
  });
});

describe('a security fix whose subject says no fix', async () => {
  const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { logCommits } = await import('../../src/git/commitLog.js');
  const { openRepo } = await import('../../src/git/repo.js');
  const { git } = await import('./fixtureRepo.js');

  it('is a fix by its message (kolla: "Use SandboxedEnvironment", a security hole in its body); its revert is not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'forkdiff-secfix-'));
    try {
      git(dir, 'init', '-q');
      const change = (text: string, message: string): void => {
        writeFileSync(join(dir, 'build.py'), text);
        git(dir, 'add', '-A');
        git(dir, '-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', message);
      };
      change('env = Environment()\n', 'kolla-build: render templates');
      change('env = SandboxedEnvironment()\n', 'kolla-build: use SandboxedEnvironment\n\nBuild args reached the templates unsandboxed: a security hole.');
      change('env = Environment()\n', 'Revert "kolla-build: use SandboxedEnvironment"\n\nThis reverts the security hole fix: it broke the build.');
      const logged = await logCommits(await openRepo(dir), ['HEAD']);
      expect(logged.map(({ subject, isFix, security }) => [subject, isFix, security])).toEqual([
        ['Revert "kolla-build: use SandboxedEnvironment"', false, []],
        ['kolla-build: use SandboxedEnvironment', true, ['security']],
        ['kolla-build: render templates', false, []],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
