import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPair } from '../../fixtures/lib/pair.mjs';
import type { Report } from '../../src/model.js';
import { short } from '../git/fixtureRepo.js';
import { runCli } from '../helpers/runCli.js';

/** A table test with these cases, in package `pkg`. */
const goTable = (pkg: string, cases: string[]): string =>
  `package ${pkg}\n\nimport "testing"\n\nfunc TestResolve(t *testing.T) {\n\tfor _, tc := range []struct{ name string }{\n${cases.map((name) => `\t\t{name: "${name}"},\n`).join('')}\t} {\n\t\tt.Log(tc.name)\n\t}\n}\n`;

/** A munit suite (dqlite's, cowsql's): `TEST(suite, name, …)`. */
const munit = (suite: string, tests: string[]): string =>
  `#include "../lib/runner.h"\n\nSUITE(${suite})\n\n${tests.map((name) => `TEST(${suite}, ${name}, setUp, tearDown, 0, NULL)\n{\n\treturn MUNIT_OK;\n}\n`).join('\n')}`;

const goTests = (tests: string[], typed = false): string =>
  `package acme\n\nimport "testing"\n\n${tests.map((name) => `func ${name}(t *testing.T${typed ? ' /* typed */' : ''}) {\n\tt.Log("${name}")\n}\n`).join('\n')}`;

/**
 * Test files the fork deleted while upstream went on changing them: incus
 * moved LXD's lxd/acme away, and LXD later added tests to its
 * acme_test.go; pmbootstrap's fork deleted tests that upstream moved to
 * another path and re-typed.
 */
let dir: string;
let report: Report;
let shas: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-deleted-tests-'));
  const pair = startPair(join(dir, 'fx'), 'main');
  const { upstream, fork, change } = pair;
  change(upstream, 'acme and chroot', {
    'acme/acme_test.go': goTests(['TestCertificateNeedsUpdate']),
    'core/chroot_test.go': goTests(['TestValidChroots', 'TestInvalidChroots']),
    'dns/dns_test.go': goTable('dns', ['plain name']),
    'test/unit/test_vfs.c': munit('vfs', ['open', 'close']),
  });
  pair.branchFork();
  shas = {
    userTests: change(upstream, 'acme: test the user and the HTTP-01 provider', { 'acme/acme_test.go': goTests(['TestCertificateNeedsUpdate', 'TestUser', 'TestHTTP01Provider']) }),
    // Moved, then re-typed: every declaring line is upstream's, the tests are the merge base's.
    moved: change(upstream, 'tests: move into test/', { 'core/chroot_test.go': null, 'test/core/chroot_test.go': goTests(['TestValidChroots', 'TestInvalidChroots']) }),
    typed: change(upstream, 'tests: typed', { 'test/core/chroot_test.go': goTests(['TestValidChroots', 'TestInvalidChroots'], true) }),
    forkDrops: change(fork, 'drop acme and chroot: the fork does neither', { 'acme/acme_test.go': null, 'core/chroot_test.go': null }),
    // incus moved LXD's lxd/endpoints tests, and LXD later added a case to a test in the file it kept.
    // Moved among tests of its own, too different for git to pair the two files.
    forkMovesDns: change(fork, 'dns: move into resolver/', {
      'dns/dns_test.go': null,
      'resolver/dns_test.go': `${goTable('resolver', ['plain name'])}\n${goTests(['TestCache', 'TestExpiry', 'TestNegative', 'TestSearchList', 'TestNdots']).split('\n').slice(4).join('\n')}`,
    }),
    caseAdded: change(upstream, 'dns: a trailing dot', { 'dns/dns_test.go': goTable('dns', ['plain name', 'trailing dot']) }),
    // dqlite took raft's test suite into its tree; cowsql keeps raft a library of its own.
    raft: change(upstream, 'Merge raft into dqlite', {
      ...Object.fromEntries(['election', 'log', 'replication', 'snapshot', 'tick'].map((suite) => [`test/raft/unit/test_${suite}.c`, munit(suite, ['first', 'second'])])),
      'test/raft/integration/test_apply.c': munit('apply', ['one']),
      'test/integration/test_stress.c': munit('stress', ['many']),
    }),
    forkVfs: change(fork, 'vfs: no close test', { 'test/unit/test_vfs.c': munit('vfs', ['open']) }),
  };
  const { clone } = pair.finish();
  const { status, stdout } = runCli(['main', '--format', 'json', '--category', 'removed-tests'], { cwd: clone });
  expect(status).toBe(0);
  report = JSON.parse(stdout) as Report;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = (path: string) => report.findings.filter((finding) => finding.path === path).map(({ kind, side, message, commits }) => ({ kind, side, message, commits }))
  .sort((a, b) => (a.message < b.message ? -1 : 1));

describe('C test files upstream added under a directory the fork lacks', () => {
  it('are one row, their tests counted; a directory the fork has files in is not folded', () => {
    expect(rows('test/raft/')).toEqual([{
      kind: 'test-files-deleted', side: 'upstream', commits: [short(shas['raft'])],
      message: 'upstream added 6 test files under test/raft/ (11 tests); fork lacks them',
    }]);
    const folded = report.findings.find((finding) => finding.path === 'test/raft/');
    expect(folded?.details['files']).toEqual(['test/raft/integration/test_apply.c', ...['election', 'log', 'replication', 'snapshot', 'tick'].map((suite) => `test/raft/unit/test_${suite}.c`)]);
    expect((folded?.details['tests'] as string[]).slice(0, 3)).toEqual(['/apply/one', '/election/first', '/election/second']);
    expect(report.findings.filter((finding) => finding.path.startsWith('test/raft/unit/'))).toEqual([]);
    expect(rows('test/integration/test_stress.c')).toEqual([
      expect.objectContaining({ kind: 'test-file-deleted', message: 'upstream added test file test/integration/test_stress.c (1 test: /stress/many); fork lacks it' }),
    ]);
    expect(rows('test/unit/test_vfs.c')).toEqual([
      { kind: 'test-removed', side: 'fork', message: 'fork removed test /vfs/close', commits: [short(shas['forkVfs'])] },
    ]);
  });
});

describe('a test file the fork deleted and upstream changed since', () => {
  it('tells the tests upstream added since the merge base, which the fork lacks, from the file the fork deleted', () => {
    expect(rows('acme/acme_test.go')).toEqual([
      expect.objectContaining({ kind: 'test-file-deleted', side: 'both', message: 'fork deleted test file acme/acme_test.go (1 test: TestCertificateNeedsUpdate), which upstream changed since' }),
      { kind: 'test-removed', side: 'upstream', message: 'upstream added test TestHTTP01Provider; fork lacks it', commits: [short(shas['userTests'])] },
      { kind: 'test-removed', side: 'upstream', message: 'upstream added test TestUser; fork lacks it', commits: [short(shas['userTests'])] },
    ]);
  });

  it("tells a case upstream added to a test the fork moved elsewhere, the test's other cases moved with it", () => {
    expect(rows('dns/dns_test.go')).toEqual([
      { kind: 'test-removed', side: 'upstream', message: 'upstream added test TestResolve/trailing dot; fork lacks it', commits: [short(shas['caseAdded'])] },
    ]);
  });

  it('keeps tests upstream moved and re-typed in one row: the merge base had them, under another path', () => {
    // Every declaring line is upstream's, yet no test here is one upstream added since the merge base.
    expect(rows('test/core/chroot_test.go')).toEqual([
      expect.objectContaining({ kind: 'test-file-deleted', message: 'upstream added test file test/core/chroot_test.go (2 tests: TestValidChroots, TestInvalidChroots); fork lacks it' }),
    ]);
  });
});
