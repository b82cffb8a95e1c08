import { describe, expect, it } from 'vitest';
import type { CarryEntry, SyncPlan } from '../../src/model.js';
import { syncViews } from '../../src/reporters/syncView.js';

const carry = (sha: string, entry: Partial<CarryEntry>): CarryEntry => ({
  sha: sha.padEnd(40, '0'), subject: `carry ${sha}`, status: 'carried', tag: null, upstreamRef: null, isUpstreamMerged: false,
  files: ['a.py'], liveLines: 3, removedLines: 0, renamedPaths: 0, keptFiles: 0, categories: ['other'], ...entry,
});

describe('the carry ledger table', () => {
  it('shows a pull request as written and a commit a backport was picked from abbreviated, with what each asks', () => {
    // magnum's backports name the stable-branch commits they were picked from, which upstream's master lacks.
    const sync: SyncPlan = {
      merge: { clean: true, conflicts: [] }, picks: [], unforecastPicks: 0, securityFixes: [],
      carries: [
        carry('f1', { upstreamRef: '#7', isUpstreamMerged: true }),
        carry('f2', { upstreamRef: '#9' }),
        carry('f3', { upstreamRef: '2c2dfebb7825519e4f738e154c4e39cfe47fe93d' }),
      ],
    };
    const ledger = syncViews(sync).find((entry) => entry.title.startsWith("The fork's carries"));
    expect(ledger?.view.columns[4]?.header).toBe('Upstream ref');
    expect(ledger?.view.rows.map((row) => [row[4], row[7]])).toEqual([
      ['#7 (merged)', 'upstream merged #7: drop on next rebase'],
      ['#9', 'tracks upstream #9'],
      ['2c2dfebb7825', "picked from 2c2dfebb7825, which upstream's branch lacks"],
    ]);
  });

  it('counts what carries a commit beside its live lines: base lines it removed, renames the tip keeps', () => {
    const sync: SyncPlan = {
      merge: { clean: true, conflicts: [] }, picks: [], unforecastPicks: 0, securityFixes: [],
      carries: [carry('f1', {}), carry('f2', { liveLines: 0, removedLines: 2 }), carry('f3', { liveLines: 0, renamedPaths: 1 })],
    };
    const ledger = syncViews(sync).find((entry) => entry.title.startsWith("The fork's carries"));
    expect(ledger?.view.rows.map((row) => row[5])).toEqual(['3', '0 + 2 removed', '0 + 1 renamed']);
  });
});
