import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFork } from './auditFork.js';
import type { AuditedFork } from './auditFork.js';

/**
 * fixtures/forks/squashed-releases.mjs: a fork that takes each upstream
 * release in one squashed commit of its own (evil-helix's shape), so that
 * none of upstream's commits is in its history, and some are in it only as
 * upstream left them: a lock file bumped again, a line removed and put back.
 */
let fork: AuditedFork;
beforeAll(async () => {
  fork = await auditFork('squashed-releases');
});
afterAll(() => fork.remove());

describe('a fork that squashed upstream\'s release in', () => {
  it('lacks none of the release\'s commits', () => {
    expect(fork.git.commits?.missingFromFork.map((commit) => commit.subject)).toEqual([]);
  });

  it('has each by its lines, or, where upstream went on since, by having every file it touched as upstream does', () => {
    const how = Object.fromEntries((fork.git.commits?.applied ?? []).map((applied) => [applied.commit.subject, [applied.how, applied.forkCommit?.slice(0, 12) ?? null]]));
    const squash = fork.fixture.shas['squash']?.slice(0, 12);
    expect(how).toEqual({
      // serde 1.0.2 is in neither tip's Cargo.lock: the fork has upstream's lock file, bumped again to 1.0.3.
      'build(deps): bump serde from 1.0.1 to 1.0.2 (#11)': ['same-files', null],
      'build(deps): bump serde from 1.0.2 to 1.0.3 (#12)': ['lines', squash],
      'Add tsq language (#13)': ['lines', squash],
      // It removed tsq's comment token, which #15 put back: the fork has that line as upstream's tip does.
      'Improve tsq support: file types, no comment token (#14)': ['lines', squash],
      'tsq: bring back the comment token (#15)': ['lines', squash],
      'Consistently maintain view position (#16)': ['lines', squash],
    });
  });

  it('has nothing to cherry-pick', () => {
    expect(fork.git.sync?.picks).toEqual([]);
  });
});
