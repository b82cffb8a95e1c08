import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../../src/model.js';
import type { Headline } from '../../src/reporters/headline.js';
import { findAppliedByLines } from '../../src/attribution/applied.js';
import { forkRenames } from '../../src/attribution/renames.js';
import { commitsUnderEveryName, createHistory, namesBefore, pathsByCommit } from '../../src/git/history.js';
import { openRepo } from '../../src/git/repo.js';
import { git, short } from '../git/fixtureRepo.js';
import { buildMergedRenamedFixture } from '../git/mergedRenamedFixture.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { runCli } from '../helpers/runCli.js';
import { schemaErrors } from '../helpers/schema.js';

/**
 * A fork with the traits real forks have: an upstream release branch made of
 * --no-ff merges, a Dockerfile both sides edited within one hunk, a file
 * upstream deleted and the fork kept, and a product rename under which the
 * fork ported an upstream fix.
 */
let fixture: ForkFixture & { remove(): void };
let report: Report;
beforeAll(async () => {
  fixture = await buildMergedRenamedFixture();
  const { status, stdout, stderr } = runCli(['v1.0', '--format', 'json'], { cwd: fixture.clone });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  report = JSON.parse(stdout) as Report;
});
afterAll(() => fixture.remove());

const finding = (kind: string, text: string): Finding => {
  const found = report.findings.find((each) => each.kind === kind && each.message.includes(text));
  if (!found) throw new Error(`no ${kind} finding mentions ${text}: ${report.findings.map((each) => each.message).join('; ')}`);
  return found;
};

describe('files the two-tip diff paired across different pasts', () => {
  const hunksOf = (path: string) => report.files.find((file) => file.path === path)?.hunks ?? [];

  it('reads a fix in upstream\'s copy of a file the fork renamed as upstream\'s, with its commit', () => {
    const { shas } = fixture;
    // Upstream copied quota.c into limits/ (a stub stays behind) and fixed the copy; the fork had renamed quota.c with the product.
    const quota = report.files.find((file) => file.path === 'src/valdb/quota.c');
    expect(quota).toMatchObject({ status: 'renamed', oldPath: 'src/kvstore/limits/quota.c', side: 'both' });
    expect(finding('missing-fix', 'quota->max_keys')).toMatchObject({
      side: 'upstream', commits: [short(shas.quotaFix)], lineIn: 'upstream', line: 22,
      message: 'fork lacks upstream guard: if (quota->keys >= quota->max_keys) return -1;',
    });
    // The renamed identifiers stay the fork's: the base had them as the copy still has them.
    expect(hunksOf('src/valdb/quota.c').map((hunk) => [hunk.side, hunk.commits])).toEqual([
      ['fork', [short(shas.forkRename)]],
      ['both', [short(shas.forkRename), short(shas.quotaFix)]],
    ]);
  });

  it('names the fork commit that removed a line of a file the fork moved, then changed past what git pairs as a rename', () => {
    const { shas } = fixture;
    // tools/dump.c → src/valdb/dump.c: deleted and added from the merge base to the fork's tip, one rename across the tips.
    expect(report.files.find((file) => file.path === 'src/valdb/dump.c')).toMatchObject({ status: 'renamed', oldPath: 'tools/dump.c', side: 'both' });
    expect(finding('missing-fix', 'table == NULL')).toMatchObject({
      side: 'fork', commits: [short(shas.forkDumpRewrite)], message: 'fork removed nil check: if (table == NULL) return KVSTORE_ERR;',
    });
  });

  it('names a rename the fork made step by step, which the base → tip diff no longer pairs, from either end', () => {
    const top = (path: string) => report.files.find((file) => file.path === path);
    const rename = { side: 'fork', from: 'tools/top.c', to: 'src/valdb/top.c', otherSide: 'kept' };
    // Not one of the fork's new files, as its logo is: a file of the base, under the fork's name.
    expect(top('src/valdb/top.c')).toMatchObject({ status: 'added', rename, otherKind: 'source' });
    expect(top('docs/logo.png')).toMatchObject({ status: 'added', rename: null, otherKind: 'fork-addition' });
    expect(top('tools/top.c')).toMatchObject({ status: 'deleted', rename });
  });

  it('names the fork commit that deleted a file it had renamed, and no rename', () => {
    const { shas } = fixture;
    const stats = report.files.find((file) => file.path === 'tools/stats.c');
    expect(stats).toMatchObject({ status: 'deleted', side: 'both', rename: null });
    expect(stats?.hunks.map((hunk) => hunk.commits)).toEqual([[short(shas.forkStatsDrop), short(shas.statsFlush)]]);
  });

  it('reads a test file the fork moved, then rewrote, as the tests it lost, not as a deleted file', () => {
    const { shas } = fixture;
    // tests/helpers.py (no test of its own) and tests/test_top.py went to tests/valdb_helpers.py and tests/test_valdb_top.py.
    const rows = report.findings.filter((each) => each.path.startsWith('tests/')).map(({ kind, side, message, commits }) => ({ kind, side, message, commits }));
    expect(rows).toEqual([
      { kind: 'test-removed', side: 'both', message: 'fork removed test test_top_prints, which upstream changed since', commits: [short(shas.forkTestsRewrite), short(shas.testsTimeout)] },
    ]);
  });

  it('reads a file each side added at its own path as each side\'s lines', () => {
    const { shas } = fixture;
    const [hunk, ...others] = hunksOf('src/valdb/syslog_listener.c');
    expect(others).toEqual([]);
    // Upstream's openlog line; the fork's, and its NULL check: each written since the base, no base line removed.
    expect(hunk?.blocks.map((block) => block.side)).toEqual(['upstream', 'fork']);
    expect(hunk?.commits).toEqual([short(shas.syslogAdd), short(shas.forkSyslog)]);
  });
});

describe('a Dockerfile both sides edited in one hunk', () => {
  it('splits the hunk into side blocks', () => {
    expect(schemaErrors(report)).toEqual([]);
    const [hunk, ...others] = report.files.find((file) => file.path === 'Dockerfile')?.hunks ?? [];
    expect(others).toEqual([]);
    expect(hunk?.side).toBe('both');
    // Upstream's ARG bump; the fork's removal of its base and docs stages; upstream's minio stage; the fork's new base lines.
    expect(hunk?.blocks.map((block) => block.side)).toEqual(['upstream', 'fork', 'upstream', 'fork']);
  });

  it('gives each finding the side, wording and commit of its own lines', () => {
    const { shas } = fixture;
    expect(finding('arg-changed', 'ALPINE_VERSION')).toMatchObject({
      side: 'upstream', message: 'upstream bumped ARG ALPINE_VERSION 3.18 → 3.19; fork still at 3.18', commits: [short(shas.alpineBump)], lineIn: 'fork', line: 2,
    });
    expect(finding('stage-removed', 'minio')).toMatchObject({
      side: 'upstream', commits: [short(shas.minioStage)], lineIn: 'upstream',
      message: 'upstream added stage "minio" (FROM minio/minio:RELEASE.2024-01-01T00-00-00Z); fork lacks it',
    });
    expect(finding('stage-removed', 'docs')).toMatchObject({ side: 'fork', message: 'fork removed stage "docs" (FROM base)', commits: [short(shas.forkDockerfile)] });
    // The fork replaced the FROM line; upstream's image moved with the ARG that line reads (alpine:3.18 at the base).
    expect(finding('base-image', 'base')).toMatchObject({ side: 'both', message: 'both changed base image of stage "base": upstream alpine:3.19, fork ubuntu:22.04' });
  });
});

describe('an upstream release branch of merged pull requests', () => {
  it('links lines to the commit inside the merged branch that wrote them, not to the merge or the whole branch', () => {
    const hunk = report.files.find((file) => file.path === 'Dockerfile')?.hunks[0];
    expect(hunk?.commits).toEqual([short(fixture.shas.alpineBump), short(fixture.shas.forkDockerfile), short(fixture.shas.minioStage)]);
    expect(hunk?.commits).not.toContain(short(fixture.shas.mergeDeps));
  });

  it('names a merge that wrote a line itself, and lists it with its subject, which the digest shows', () => {
    const { shas } = fixture;
    const hunk = report.files.find((file) => file.path === 'CHANGELOG.md')?.hunks[0];
    // The heading is the release merge's own line; the entries are the changelog branch's commits'.
    expect(hunk?.commits).toEqual([short(shas.changelogStart), short(shas.mergeRelease), short(shas.changelogFixes)]);
    expect(report.commits?.merges).toEqual([expect.objectContaining({ sha: shas.mergeRelease, subject: 'Merge pull request #17 from dev/release', isFix: false })]);
    // Only merges that hunks name: the other merges of the branch explain no line themselves.
    expect(report.commits?.missingFromFork.map((commit) => commit.sha)).not.toContain(shas.mergeRelease);
    const { stdout } = runCli(['v1.0', '--no-fetch', '--format', 'markdown'], { cwd: fixture.clone });
    const row = stdout.split('\n').find((line) => line.startsWith(`| ${short(shas.mergeRelease)} |`));
    expect(row).toContain('| Merge pull request \\#17 from dev/release | CHANGELOG.md |');
  });
});

describe('a file upstream deleted and the fork kept', () => {
  it("is upstream's removal, linked to the commit that removed it", () => {
    const file = report.files.find((each) => each.path === 'legacy/old_tool.c');
    expect(file).toMatchObject({ status: 'added', side: 'upstream', otherKind: 'source' });
    expect(file?.hunks.map((hunk) => [hunk.side, hunk.commits])).toEqual([['upstream', [short(fixture.shas.retireLegacy)]]]);
  });

  it('is no new file of the fork when the fork changed it, and says who deleted what', async () => {
    const header = report.files.find((each) => each.path === 'legacy/old_tool.h');
    expect(header).toMatchObject({ status: 'added', side: 'both', otherKind: 'source' });
    expect(header?.hunks[0]?.blocks.map((block) => block.side)).toEqual(['upstream', 'fork']);
    expect(report.files.find((each) => each.path === 'UPGRADING.md')).toMatchObject({ status: 'deleted', side: 'both', otherKind: 'docs' });
    expect(report.files.find((each) => each.path === 'src/valdb/server.h')).toMatchObject({ status: 'added', side: 'fork', otherKind: 'fork-addition' });
    const { stdout } = runCli(['v1.0', '--no-fetch', '--format', 'markdown'], { cwd: fixture.clone });
    // Kind, path and status: the first three cells of the file's row in the files table of `other` (markdown escapes `_`).
    const statusOf = (path: string): string | undefined =>
      stdout.split('\n').map((line) => line.replaceAll('\\_', '_')).find((line) => line.startsWith('| ') && line.split(' | ')[1] === path)?.split(' | ').slice(0, 3).join(' | ').slice(2);
    expect(statusOf('legacy/old_tool.c')).toBe('Source | legacy/old_tool.c | only in fork: upstream deleted it');
    expect(statusOf('legacy/old_tool.h')).toBe('Source | legacy/old_tool.h | only in fork: upstream deleted it, the fork changed it');
    expect(statusOf('UPGRADING.md')).toBe('Docs | UPGRADING.md | only upstream: the fork deleted it, upstream changed it');
    expect(statusOf('src/kvstore/server.h')).toBe('Source | src/kvstore/server.h | only upstream: the fork deleted it');
    expect(statusOf('src/valdb/server.h')).toBe('New files in the fork | src/valdb/server.h | only in fork');
  });
});

describe('a file upstream renamed that the fork deleted under its old name', () => {
  it('is both sides\' move, and says which rename and which deletion', () => {
    const guide = report.files.find((each) => each.path === 'docs/install.md');
    expect(guide).toMatchObject({
      status: 'deleted', side: 'both',
      rename: { side: 'upstream', from: 'docs/INSTALL.md', to: 'docs/install.md', otherSide: 'deleted' },
    });
    // The lines the base had are the fork's removal; the line upstream added is upstream's.
    expect(guide?.hunks.flatMap((hunk) => hunk.blocks.map((block) => block.side))).toEqual(['fork', 'upstream']);
    // A file one tip lacks without such a rename has none.
    expect(report.files.find((each) => each.path === 'UPGRADING.md')?.rename).toBeNull();
    const { stdout } = runCli(['v1.0', '--no-fetch', '--format', 'markdown'], { cwd: fixture.clone });
    expect(stdout).toContain('| Docs | docs/install.md | only upstream: upstream renamed it from docs/INSTALL.md, which the fork deleted | +0 | −8 | both |');
  });

  it('names the rename from either end when the fork renamed a file upstream rewrote, which git no longer pairs', () => {
    const rename = { side: 'fork', from: 'docs/FAQ.md', to: 'docs/faq.md', otherSide: 'changed' };
    expect(report.files.find((each) => each.path === 'docs/FAQ.md')).toMatchObject({ status: 'deleted', side: 'both', rename });
    expect(report.files.find((each) => each.path === 'docs/faq.md')).toMatchObject({ status: 'added', side: 'both', rename });
    const { stdout } = runCli(['v1.0', '--no-fetch', '--format', 'markdown'], { cwd: fixture.clone });
    expect(stdout).toContain('| Docs | docs/FAQ.md | only upstream: the fork renamed it to docs/faq.md; upstream changed it | +0 | −9 | both |');
    expect(stdout).toContain('| Docs | docs/faq.md | only in fork: the fork renamed it from docs/FAQ.md, which upstream changed | +7 | −0 | both |');
  });
});

describe('a fork that renamed the product and ported an upstream fix under the new names', () => {
  it('reports the ported fix as applied, carried by the fork commit, and not as missing', () => {
    const missing = report.commits?.missingFromFork.map((commit) => commit.sha) ?? [];
    expect(missing).not.toContain(fixture.shas.nullFix);
    expect(report.commits?.applied).toEqual([
      { commit: expect.objectContaining({ sha: fixture.shas.nullFix, subject: 'fix: reject NULL values in kvstore_set' }), how: 'lines', forkCommit: fixture.shas.forkNullFix },
    ]);
  });

  it('reads CI the fork renamed with the product as renamed: a job, a matrix entry, a workflow file git no longer pairs', () => {
    const { shas } = fixture;
    const rows = report.findings.filter((each) => each.category === 'workflow').map(({ kind, path, side, message, commits }) => ({ kind, path, side, message, commits }));
    expect(rows).toEqual([
      // Not a job removed and another added, and not `kvstore-server` dropped from its matrix.
      { kind: 'job-renamed', path: '.github/workflows/ci.yml', side: 'fork', message: 'fork renamed job "build-kvstore" to "build-valdb"', commits: [short(shas.forkCi)] },
      // One row, on the fork's name, said by the rename: not "upstream removed workflow …valdb-release.yml".
      {
        kind: 'workflow-renamed', path: '.github/workflows/valdb-release.yml', side: 'both',
        message: 'fork renamed workflow .github/workflows/kvstore-release.yml to .github/workflows/valdb-release.yml (jobs publish), which upstream changed since',
        commits: [short(shas.releaseSigned), short(shas.forkCi)],
      },
    ]);
  });

  it('does not read the patch of a commit that touched more files than a ported change has lines', async () => {
    const history = createHistory(await openRepo(fixture.clone));
    const forkTip = git(fixture.clone, 'rev-parse', 'origin/v1.0');
    const base = git(fixture.clone, 'merge-base', 'origin/v1.0', 'upstream/v1.0');
    const renames = forkRenames((await history.changedFiles(base, forkTip)).fromNames);
    const fix = report.commits?.applied[0]?.commit;
    if (!fix) throw new Error('no applied commit');
    const filesOf = pathsByCommit((await history.commitsByPath(base, git(fixture.clone, 'rev-parse', 'upstream/v1.0'))).byPath);
    expect(filesOf.get(fix.sha)).toHaveLength(1);
    const applied = (files: Map<string, string[]>) => findAppliedByLines(history, forkTip, [fix], renames, () => [], { filesOf: files });
    expect((await applied(filesOf)).map((entry) => entry.commit.sha)).toEqual([fix.sha]);
    expect(await applied(new Map([[fix.sha, Array.from({ length: 2_001 }, (_, index) => `file${index}.c`)]]))).toEqual([]);
  });

  it('keeps the fix it did not port missing, security id and all', () => {
    const range = report.commits?.missingFromFork.find((commit) => commit.sha === fixture.shas.rangeFix);
    expect(range).toMatchObject({ isFix: true, security: ['CVE-2024-31228'] });
    expect(report.commits?.missingFromFork.map((commit) => commit.subject).sort()).toEqual([
      'Dockerfile: add a minio stage for integration tests',
      'Dockerfile: bump Alpine to 3.19',
      'Merge commit from fork',
      'Merge commit from fork',
      'docs: back up before upgrading',
      'docs: list the 1.0 fixes',
      'docs: release notes for 1.0.1',
      'docs: rename INSTALL.md to install.md',
      'docs: rewrite the FAQ',
      'docs: start a changelog',
      'dump: print entries with printf',
      'fix: bounds check in kvstore_get (CVE-2024-31228)',
      'fix: bounds check in kvstore_get (CVE-2024-31228)',
      "fix: refuse keys over a client's quota",
      'legacy: retire old_tool',
      'log: forward log lines to syslog',
      'quota: move the quota code into src/kvstore/limits/',
      'release: sign the tarball and publish checksums',
      'stats: flush what it printed',
      'tests: time out, and check top',
    ]);
  });

  it('reads the commits of one security fix as one: same subject and ids, a file in common; one finding, one headline line', () => {
    const shas = [fixture.shas.rangeFixAgain, fixture.shas.rangeFix].map((sha) => short(sha));
    const security = report.findings.filter((finding) => finding.kind === 'missing-security-fix');
    const range = security.find((finding) => finding.commits.includes(short(fixture.shas.rangeFix)));
    expect(range).toMatchObject({ commits: shas, details: { commit: fixture.shas.rangeFix, sameFix: [fixture.shas.rangeFixAgain] } });
    expect(range?.message).toMatch(/^fork lacks upstream CVE-2024-31228: fix: bounds check in kvstore_get \(CVE-2024-31228\) \(2 commits; /);
    // Two advisories under GitHub's generic subject, on different files, stay two fixes; their fingerprints differ.
    const advisories = security.filter((finding) => finding.message.includes('Merge commit from fork'));
    expect(advisories.map((finding) => finding.commits)).toEqual([[short(fixture.shas.advisoryAuth)], [short(fixture.shas.advisoryNet)]]);
    expect(new Set(advisories.map((finding) => finding.fingerprint)).size).toBe(2);
    expect(security).toHaveLength(3);
    // A commit that quotes the fix by its subject (a changelog's, a squash's list) is not a security fix itself.
    expect(report.commits?.missingFromFork.find((commit) => commit.sha === fixture.shas.changelogFixes)).toMatchObject({ subject: 'docs: list the 1.0 fixes', security: [] });
    const { headline } = report as Report & { headline: Headline };
    const sameFixAs = new Map(headline.lacks.security.map((fix) => [fix.sha, fix.sameFixAs]));
    expect(sameFixAs).toEqual(new Map([
      [fixture.shas.advisoryNet, null], [fixture.shas.advisoryAuth, null], [fixture.shas.rangeFixAgain, fixture.shas.rangeFix], [fixture.shas.rangeFix, null],
    ]));
    expect(report.sync?.securityFixes).toEqual([[fixture.shas.rangeFix, fixture.shas.rangeFixAgain]]);
    // A report restricted to other categories has no sync findings, and groups the headline's lines all the same.
    for (const restricted of [[], ['--category', 'dockerfile']]) {
      const { stdout } = runCli(['v1.0', '--no-fetch', '--format', 'markdown', ...restricted], { cwd: fixture.clone });
      const lines = stdout.split('\n').filter((line) => line.includes('**⚠ Security:**'));
      expect(lines).toHaveLength(3);
      expect(lines.find((line) => line.includes('CVE-2024-31228'))).toContain(`CVE-2024-31228: ${shas.join(', ')} fix: bounds check in kvstore\\_get (CVE-2024-31228) (cherry-picks: `);
    }
  });

  it('follows the renamed file: renamed lines are the fork\'s, the lines upstream added are upstream\'s', () => {
    const server = report.files.find((file) => file.path === 'src/valdb/server.c');
    expect(server).toMatchObject({ oldPath: 'src/kvstore/server.c', status: 'renamed', side: 'both' });
    const sides = new Set(server?.hunks.flatMap((hunk) => (hunk.side === 'both' ? hunk.blocks.map((block) => block.side) : [hunk.side])));
    expect([...sides].sort()).toEqual(['fork', 'upstream']);
    expect(server?.hunks.flatMap((hunk) => hunk.commits)).toContain(short(fixture.shas.rangeFix));
  });
});

describe('a compatibility shim the fork kept for a while under the old name', () => {
  it("is another file: its commits are not the renamed file's past, and the ledger reads them as undone within the fork", async () => {
    const history = createHistory(await openRepo(fixture.clone));
    const base = git(fixture.clone, 'merge-base', 'origin/v1.0', 'upstream/v1.0');
    const touched = await history.commitsByPath(base, git(fixture.clone, 'rev-parse', 'origin/v1.0'));
    // The server was src/kvstore/server.c until the rename; the shim took that name after it.
    expect(namesBefore(touched, 'src/valdb/server.c')).toEqual(['src/kvstore/server.c']);
    expect(touched.byPath.get('src/kvstore/server.c')).toEqual([fixture.shas.forkShimDrop, fixture.shas.forkShim]);
    expect(commitsUnderEveryName(touched, 'src/valdb/server.c').sort()).toEqual([fixture.shas.forkNullFix, fixture.shas.forkRename].sort());
    const server = report.files.find((file) => file.path === 'src/valdb/server.c');
    const commits = server?.hunks.flatMap((hunk) => hunk.commits);
    expect(commits).toContain(short(fixture.shas.forkRename));
    expect(commits).not.toContain(short(fixture.shas.forkShim));
    expect(commits).not.toContain(short(fixture.shas.forkShimDrop));
    const status = (sha: string | undefined) => report.sync?.carries.find((carry) => carry.sha === sha)?.status;
    // Removing the shim undoes adding it, line for line: a pair that reverts itself, as a `Revert` commit and its target do.
    expect([status(fixture.shas.forkShim), status(fixture.shas.forkShimDrop), status(fixture.shas.forkRename)]).toEqual(['reverted', 'reverted', 'carried']);
  });
});

describe("the fork's own merged pull request", () => {
  it('credits the lines the merge brought in to the branch commits that wrote them, which the ledger carries, as it does a line set back to the base', () => {
    const carry = (sha: string | undefined) => report.sync?.carries.find((each) => each.sha === sha);
    expect(carry(fixture.shas.forkDocsUbuntu)).toMatchObject({ status: 'carried', liveLines: 2 });
    expect(carry(fixture.shas.forkDocsBugs)).toMatchObject({ status: 'carried', liveLines: 1 });
    // Setting a line back to the merge base's is undoing the fork's own change, not taking upstream's: not to be dropped.
    expect(carry(fixture.shas.forkVersionBack)).toMatchObject({ status: 'carried', liveLines: 1 });
    // It undid one of the two lines that change made: no pair, and the other line keeps that change carried.
    expect(carry(fixture.shas.forkVersionNote)).toMatchObject({ status: 'carried', liveLines: 1 });
    const readme = report.files.find((file) => file.path === 'README.md');
    expect(readme?.hunks.flatMap((hunk) => hunk.commits).sort()).toEqual([short(fixture.shas.forkDocsBugs), short(fixture.shas.forkDocsUbuntu), short(fixture.shas.forkVersionNote)].sort());
  });
});

describe('renames past git\'s limit', () => {
  it("finds renames past git's diff default (-l7000), and says so when the clone's own diff.renameLimit stops git", () => {
    const renameLimitNotice = (audited: Report): string | undefined => audited.notices.find((notice) => notice.startsWith('git stopped looking for renames'));
    expect(renameLimitNotice(report)).toBeUndefined();
    // The clone is the test's own: a user who lowered the limit gets what git skipped, and how to lift it.
    git(fixture.clone, 'config', 'diff.renameLimit', '1');
    try {
      const { status, stdout } = runCli(['v1.0', '--no-fetch', '--format', 'json'], { cwd: fixture.clone });
      expect(status).toBe(0);
      const limited = JSON.parse(stdout) as Report;
      expect(renameLimitNotice(limited)).toMatch(/^git stopped looking for renames at its limit of 1 files \(this diff needs \d+\): renamed files read as deleted and added \(`git config diff\.renameLimit \d+` in this clone/);
      expect(limited.files.find((file) => file.path === 'src/valdb/server.c')?.status).toBe('added');
    } finally {
      git(fixture.clone, 'config', '--unset', 'diff.renameLimit');
    }
  });
});

describe('fork commits of files without lines', () => {
  it('carries a binary file or an empty file\'s deletion while the fork tip keeps it as the commit left it, and drops the version replaced since', () => {
    const carry = (sha: string | undefined) => report.sync?.carries.find((each) => each.sha === sha);
    expect(carry(fixture.shas.forkLogoUpdate)).toMatchObject({ status: 'carried', liveLines: 0, removedLines: 0, keptFiles: 1 });
    expect(carry(fixture.shas.forkLogo)).toMatchObject({ status: 'dropped', keptFiles: 0 });
    expect(carry(fixture.shas.forkDockerignore)).toMatchObject({ status: 'carried', liveLines: 0, keptFiles: 1 });
    // The shim it deleted was the fork's own, not the file the merge base had at that path (the rename took that one).
    expect(carry(fixture.shas.forkShimDrop)).toMatchObject({ keptFiles: 0 });
    // A base file the fork redrew, then deleted: the deletion is the base's file all the same; the redrawing is gone.
    expect(carry(fixture.shas.forkDiagramDrop)).toMatchObject({ status: 'carried', liveLines: 0, removedLines: 0, keptFiles: 1 });
    expect(carry(fixture.shas.forkDiagram)).toMatchObject({ status: 'dropped', keptFiles: 0 });
    // Commits that lines carry are not asked.
    expect(carry(fixture.shas.forkDockerfile)).toMatchObject({ status: 'carried', keptFiles: 0 });
    const { stdout } = runCli(['v1.0', '--no-fetch', '--format', 'markdown'], { cwd: fixture.clone });
    expect(stdout.split('\n').find((line) => line.startsWith(`| ${short(fixture.shas.forkLogoUpdate)} |`))).toContain('| carried |  |  | 0 + 1 file kept |');
  });
});
