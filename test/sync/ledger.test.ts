import { describe, expect, it } from 'vitest';
import { buildLedger } from '../../src/sync/ledger.js';
import type { ForkCommitFacts } from '../../src/sync/ledger.js';

const commit = (sha: string, body: string): ForkCommitFacts => ({
  sha: sha.padEnd(40, '0'), subject: `carry ${sha}`, body, files: ['a.py'], live: 3, removed: 0, renamed: 0, kept: 0, isPatchUpstream: false, isLinesUpstream: false,
});

describe('buildLedger', () => {
  it('reads a backport as upstream\'s when any hop its cherry-pick trailers name is upstream\'s', () => {
    const upstreamHas = new Set(['bbbbbbb']);
    const context = { isUpstreamCommit: (sha: string) => upstreamHas.has(sha), isMergedUpstream: () => false };
    // Picked from a stable branch (aaaaaaa), which had it from upstream (bbbbbbb); and one no hop of which upstream has.
    const [twoHops, elsewhere] = buildLedger([
      commit('f1', '(cherry picked from commit aaaaaaa)\n(cherry picked from commit bbbbbbb)'),
      commit('f2', '(cherry picked from commit ccccccc)\n(cherry picked from commit ddddddd)'),
    ], context);
    expect(twoHops).toMatchObject({ status: 'superseded', upstreamRef: null });
    // Not upstream's: the carry names the commit it came from first.
    expect(elsewhere).toMatchObject({ status: 'carried', upstreamRef: 'ccccccc' });
  });

  it('pairs a revert with the commit it names by subject, a squash merge\'s pull request number after it', () => {
    const context = { isUpstreamCommit: () => false, isMergedUpstream: () => false };
    const [fix, revert, other] = buildLedger([
      { ...commit('f1', ''), subject: 'fix subscription is so so so so low (#471)' },
      { ...commit('f2', ''), subject: 'Revert "fix subscription is so so so so low (#471)" (#498)' },
      { ...commit('f3', ''), subject: 'Revert "a change of another fork" and more' },
    ], context);
    expect([fix?.status, revert?.status, other?.status]).toEqual(['reverted', 'reverted', 'carried']);
  });

  it('carries a commit of renames only while the fork tip keeps one of them, and drops it when nothing is left', () => {
    const context = { isUpstreamCommit: () => false, isMergedUpstream: () => false };
    const [renamed, gone] = buildLedger([
      { ...commit('f1', ''), live: 0, renamed: 1 },
      { ...commit('f2', ''), live: 0, renamed: 0 },
    ], context);
    expect(renamed).toMatchObject({ status: 'carried', renamedPaths: 1 });
    expect(gone).toMatchObject({ status: 'dropped', renamedPaths: 0 });
  });
});
