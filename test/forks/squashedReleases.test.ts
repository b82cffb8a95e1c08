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
  it('lacks only the commit that added a file upstream deleted since: a path neither tip has says nothing of the fork', () => {
    // Upstream may have moved such a file where the fork differs (LXD's lxd/ files, in incus), or refactored it away.
    // Its deletion would cherry-pick empty: that one the sync plan counts as applied.
    expect(fork.git.commits?.missingFromFork.map((commit) => commit.subject)).toEqual(['Add a release checklist (#17)']);
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
      'Remove the release checklist (#18)': ['empty-pick', null],
    });
  });

  it('forecasts cherry-picks for those two only', () => {
    expect(fork.git.sync?.picks.map((pick) => [pick.subject, pick.result])).toEqual([
      ['Remove the release checklist (#18)', 'empty'],
      ['Add a release checklist (#17)', 'clean'],
    ]);
  });
});
