import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { short } from '../git/fixtureRepo.js';
import { auditFork, findingOf, messagesAt } from './auditFork.js';
import type { AuditedFork } from './auditFork.js';

/** fixtures/forks/tcl-suite.mjs: a valkey-like Tcl suite the fork trimmed. */
let fork: AuditedFork;
beforeAll(async () => {
  fork = await auditFork('tcl-suite');
});
afterAll(() => fork.remove());

describe('Tcl test suites', () => {
  it('finds tests removed and commented out, by their braced or quoted names', () => {
    expect(messagesAt(fork.git, 'removed-tests', 'tests/unit/type/list.tcl')).toEqual([
      'fork commented out test LMOVE against non-existing key',
      'fork removed test LPOS RANK (positive and negative rank) option',
      'fork skips test BLPOP with a single empty list argument: } {} {needs:repl external:skip}',
    ]);
    expect(findingOf(fork.git, 'test', 'LMOVE against non-existing key')).toMatchObject({
      side: 'fork', commits: [short(fork.fixture.shas.forkList)], details: { language: 'tcl', commentedOut: true },
    });
  });

  it("reads a guard upstream added to a C module its tests load as test code, not a fix the fork's server lacks", () => {
    const path = 'tests/modules/blockonkeys.c';
    for (const report of [fork.git, fork.diffFile]) {
      expect(report.findings.filter((finding) => finding.path === path)).toEqual([]);
      expect(report.files.find((file) => file.path === path)).toMatchObject({ categories: ['other'], otherKind: 'test' });
    }
    expect(fork.git.files.find((file) => file.path === path)?.side).toBe('upstream');
  });

  it('reads `if {0}` as a skip of the test inside it, and a reflowed test as no change', () => {
    expect(messagesAt(fork.git, 'removed-tests', 'tests/unit/expire.tcl')).toEqual([
      "fork skips test EXPIRE - It should be still possible to read 'x': if {0} {",
    ]);
  });

  it("says a test upstream added later is one the fork lacks, not one it removed", () => {
    expect(messagesAt(fork.git, 'removed-tests', 'tests/unit/info.tcl')).toEqual([
      'upstream added test KEYSIZES - Test histogram of values of type string; fork lacks it',
    ]);
    expect(findingOf(fork.git, 'test', 'KEYSIZES - Test histogram of values of type string').commits).toEqual([short(fork.fixture.shas.keysizes)]);
  });

  it('does not report a test file deleted and added under another name with the same tests, nor the framework', () => {
    const paths = fork.git.findings.filter((finding) => finding.category === 'removed-tests').map((finding) => finding.path);
    expect(paths.filter((path) => path.includes('latency') || path.includes('test_helper'))).toEqual([]);
    const deleted = fork.git.files.find((file) => file.path === 'tests/unit/latency.tcl');
    expect(deleted?.status).toBe('deleted');
    expect(deleted?.categories).not.toContain('removed-tests');
  });

  it("reads tests the fork renamed with the product (kvstore → valdb) as the same tests, and skips in its own tests as none of upstream's", () => {
    // Upstream's test names say kvstore-server and kvstore-cli; the fork's, valdb-server and valdb-cli (it renamed
    // src/kvstore-cli.c too). Of them only the empty-save test is gone; the --pipe test upstream added later, the
    // fork ported under its name; the SIGHUP test tagged external:skip is the fork's own.
    expect(messagesAt(fork.git, 'removed-tests', 'tests/unit/introspection.tcl')).toEqual([
      'fork removed test kvstore-server command line arguments - save with empty input',
    ]);
    expect(findingOf(fork.git, 'test', 'kvstore-server command line arguments - save with empty input').side).toBe('fork');
    expect(fork.git.files.find((file) => file.path === 'src/valdb-cli.c')).toMatchObject({ status: 'renamed', oldPath: 'src/kvstore-cli.c' });
  });

  it('reads a fix ported by hand whose test upstream later rewrote, and the fork with it, as applied, and the port as superseded', () => {
    // #13004's test range (1200) is in neither tip: #13053 widened it on both sides. Its other lines are in the fork, renamed.
    const { shas } = fork.fixture;
    // #13100, which upstream reverted, keeps only a generic line anywhere in either tip: it stays missing, not applied.
    // The move is missing too: every line it added is in the fork, where the fork always had them.
    expect(fork.git.commits?.missingFromFork.map((commit) => commit.subject)).toEqual([
      'tests: fix a crash in the blockonkeys module without a context (#13120)',
      'Update release notes',
      'blocked.c: put unblockOnTimeout first',
      'Revert "Fix unblock on timeout for module clients (#13100)"',
      'Fix unblock on timeout for module clients (#13100)',
      'Add KEYSIZES info section (#1234)',
    ]);
    expect(fork.git.commits?.applied.find((entry) => entry.commit.sha === shas.reprocessFix)).toMatchObject({ how: 'lines', forkCommit: shas.forkReprocessFix });
    expect(fork.git.sync?.carries.find((carry) => carry.sha === shas.forkReprocessFix)?.status).toBe('superseded');
    expect(fork.git.sync?.carries.find((carry) => carry.sha === shas.forkIntrospection)?.status).toBe('carried');
  });

  it('reads a port under the same subject that adapted a line as ported (the fork\'s port superseded), but not another change under a shared subject', () => {
    const { shas } = fork.fixture;
    expect(fork.git.commits?.applied.find((entry) => entry.commit.sha === shas.soleShard)).toMatchObject({ how: 'ported', forkCommit: shas.forkSoleShard });
    expect(fork.git.commits?.missingFromFork.map((commit) => commit.sha)).toContain(shas.upstreamNotes);
    expect(fork.git.sync?.picks.map((pick) => pick.sha)).not.toContain(shas.soleShard);
    // Upstream has the change the fork's port carries: the port can go on the next rebase.
    expect(fork.git.sync?.carries.find((carry) => carry.sha === shas.forkSoleShard)?.status).toBe('superseded');
  });

  it("gives a carry the categories and live lines of its files under the fork's later names", () => {
    const { shas } = fork.fixture;
    const carry = (sha: string | undefined) => fork.git.sync?.carries.find((each) => each.sha === sha);
    expect(fork.git.files.find((file) => file.path === '.github/workflows/valdb-nightly.yml')).toMatchObject({ status: 'added', categories: ['workflow'] });
    // The commit that added the workflow knows it as daily.yml, a name neither tip has.
    expect(carry(shas.forkDaily)).toMatchObject({ files: ['.github/workflows/daily.yml'], categories: ['workflow'] });
    expect(carry(shas.forkDailyRename)).toMatchObject({ files: ['.github/workflows/valdb-daily.yml'], categories: ['workflow'] });
    // Its lines live on under the new name: the renaming commit wrote one of the thirteen, the first the rest.
    expect(carry(shas.forkDaily)).toMatchObject({ status: 'carried', liveLines: 12 });
    expect(carry(shas.forkDailyRename)).toMatchObject({ status: 'carried', liveLines: 1 });
    // A second rename wrote no line, but the tip keeps its name: dropping it would undo the rename.
    expect(carry(shas.forkNightlyRename)).toMatchObject({ status: 'carried', liveLines: 0, removedLines: 0, renamedPaths: 1 });
    // The file's lines name the commits that wrote them, two renames back.
    const nightly = fork.git.files.find((file) => file.path === '.github/workflows/valdb-nightly.yml');
    expect(nightly?.hunks.flatMap((hunk) => hunk.commits).sort()).toEqual([shas.forkDaily, shas.forkDailyRename].map((sha) => sha?.slice(0, 12)).sort());
  });

  it('finds the same in a saved diff', () => {
    expect(fork.diffFile.findings.filter((finding) => finding.category === 'removed-tests').map((finding) => finding.details['test']).sort()).toEqual([
      'BLPOP with a single empty list argument',
      "EXPIRE - It should be still possible to read 'x'",
      'KEYSIZES - Test histogram of values of type string',
      'LMOVE against non-existing key',
      'LPOS RANK (positive and negative rank) option',
      'kvstore-server command line arguments - save with empty input',
    ]);
  });
});
