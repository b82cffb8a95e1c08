import { describe, expect, it } from 'vitest';
import type { CarryEntry, SyncPlan } from '../../src/model.js';
import { htmlReporter } from '../../src/reporters/html/html.js';
import { markdownReporter } from '../../src/reporters/markdown/markdown.js';
import { MIN_COLLAPSED_CARRY_ROWS, syncViews } from '../../src/reporters/syncView.js';
import { tableReporter } from '../../src/reporters/table/table.js';
import { aGitReport, anEmptySync, noCommits } from './builders.js';

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

  it('leaves a hundred or more superseded and dropped carries to a tail, as a fork that merges upstream keeps every commit it made', () => {
    const ledger = (spent: number) => {
      const sync: SyncPlan = {
        merge: { clean: true, conflicts: [] }, picks: [], unforecastPicks: 0, securityFixes: [],
        carries: [
          carry('f1', { upstreamRef: '#7', isUpstreamMerged: true }),
          ...Array.from({ length: spent }, (_, index) => carry(`d${index}`, { status: index % 4 === 0 ? 'superseded' : 'dropped', liveLines: 0 })),
          carry('f2', { status: 'reverted', liveLines: 0 }),
        ],
      };
      return syncViews(sync).find((entry) => entry.title.startsWith("The fork's carries"));
    };
    const many = ledger(MIN_COLLAPSED_CARRY_ROWS);
    expect(many?.view.rows.map((row) => [row[0], row[2]])).toEqual([['f10000000000', 'carried'], ['f20000000000', 'reverted']]);
    expect(many?.tail?.summary).toBe('100 carries with nothing left to carry forward: 75 dropped (none of their lines is left), 25 superseded (upstream has the same change)');
    expect(many?.tail?.view.rows).toHaveLength(100);
    expect(many?.title).toBe("The fork's carries (1 carried, 25 superseded, 1 reverted, 75 dropped)");
    // A ledger of nothing but spent carries keeps its title and its tail.
    const spentOnly = syncViews({ merge: { clean: true, conflicts: [] }, picks: [], unforecastPicks: 0, securityFixes: [], carries: Array.from({ length: MIN_COLLAPSED_CARRY_ROWS }, (_, index) => carry(`d${index}`, { status: 'dropped', liveLines: 0 })) })
      .find((entry) => entry.title.startsWith("The fork's carries"));
    expect(spentOnly?.view.rows).toEqual([]);
    expect(spentOnly?.tail?.view.rows).toHaveLength(MIN_COLLAPSED_CARRY_ROWS);
    // Fewer are what a rebasing fork drops on its next rebase: they stay in the table.
    const few = ledger(MIN_COLLAPSED_CARRY_ROWS - 1);
    expect(few?.tail).toBeUndefined();
    expect(few?.view.rows).toHaveLength(MIN_COLLAPSED_CARRY_ROWS + 1);
  });
});

describe('the carry ledger in markdown and HTML', () => {
  it('collapses the spent carries of a long ledger under it, and the terminal table lists them after their summary', () => {
    const carries = [carry('f1', {}), ...Array.from({ length: MIN_COLLAPSED_CARRY_ROWS }, (_, index) => carry(`d${index}`, { status: 'dropped', liveLines: 0 }))];
    const report = aGitReport([], [], { sync: anEmptySync({ carries }), commits: noCommits({}) });
    const summary = `${MIN_COLLAPSED_CARRY_ROWS} carries with nothing left to carry forward: ${MIN_COLLAPSED_CARRY_ROWS} dropped (none of their lines is left), 0 superseded (upstream has the same change)`;
    const markdown = [...markdownReporter([report], { isColor: false, width: 120 })].join('');
    expect(markdown).toContain(`\n<details>\n<summary>${summary}</summary>\n\n| Commit | Subject |`);
    expect(markdown.indexOf('carry f1')).toBeLessThan(markdown.indexOf('<details>'));
    expect(markdown.indexOf('carry d0')).toBeGreaterThan(markdown.indexOf('<details>'));
    const html = [...htmlReporter([report], { isColor: false, width: 120 })].join('');
    expect(html).toContain(`<details class="long-tail"><summary>${summary}</summary>`);
    const table = [...tableReporter([report], { isColor: false, width: 200 })].join('');
    expect(table.indexOf(summary)).toBeGreaterThan(table.indexOf('carry f1'));
    expect(table).toContain('carry d99');
  });
});
