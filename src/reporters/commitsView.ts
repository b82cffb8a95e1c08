import type { AppliedHow, CommitInfo, Commits, SyncPlan } from '../model.js';
import { type TableView, shortSha } from './view.js';

const commitRows = (commits: readonly CommitInfo[]): string[][] =>
  commits.map((commit) => [shortSha(commit.sha), commit.isFix ? 'fix' : '', commit.subject, commit.date.slice(0, 10)]);

/** How the fork has an upstream commit that is not in its history. */
const APPLIED_HOW = {
  'patch-id': 'cherry-picked',
  lines: 'same lines',
  'same-files': 'same files as upstream',
  versions: 'newer versions',
  ported: 'ported (same subject)',
  'empty-pick': 'picks empty',
} as const satisfies Record<AppliedHow, string>;

const COLUMNS: TableView['columns'] = [{ header: 'Commit' }, { header: 'Fix?' }, { header: 'Subject', isFlexible: true }, { header: 'Date' }];

/**
 * The fork-only commits as a table, unless the sync plan's carries list
 * every one of them, with what became of each: then a title that says so.
 * KeyDB's 14,551 commits were 29,000 lines of its markdown report, each
 * commit twice.
 */
function forkOnlyView(forkOnly: readonly CommitInfo[], sync: SyncPlan | null): { title: string; view: TableView } {
  const title = `Fork-only commits (${forkOnly.length})`;
  const carried = new Set(sync?.carries.map((carry) => carry.sha));
  const isListed = forkOnly.length > 0 && forkOnly.every((commit) => carried.has(commit.sha));
  return isListed
    ? { title: `${title}: the sync plan's carries list each, with what became of it`, view: { columns: COLUMNS, rows: [] } }
    : { title, view: { columns: COLUMNS, rows: commitRows(forkOnly) } };
}

/** The commit lists of git mode, each as a table with its title; a list said in a title alone has no rows. */
export function commitsViews(commits: Commits, sync: SyncPlan | null): { title: string; view: TableView }[] {
  const fixes = commits.missingFromFork.filter((commit) => commit.isFix).length;
  const forkOnly = forkOnlyView(commits.forkOnly, sync);
  return [
    {
      title: `Upstream commits missing from the fork (${commits.missingFromFork.length}, ${fixes} read as fixes)`,
      view: { columns: COLUMNS, rows: commitRows(commits.missingFromFork) },
    },
    {
      title: `Upstream commits the fork already has (${commits.applied.length})`,
      view: {
        columns: [{ header: 'Commit' }, { header: 'How' }, { header: 'Fork commit' }, { header: 'Subject', isFlexible: true }],
        rows: commits.applied.map((applied) => [shortSha(applied.commit.sha), APPLIED_HOW[applied.how], shortSha(applied.forkCommit), applied.commit.subject]),
      },
    },
    forkOnly,
    {
      title: `Fork commits that revert upstream ones (${commits.reverts.length})`,
      view: {
        columns: [{ header: 'Fork commit' }, { header: 'Reverts' }, { header: 'Subject', isFlexible: true }],
        rows: commits.reverts.map((revert) => [shortSha(revert.commit.sha), shortSha(revert.reverts), revert.revertsSubject ?? revert.commit.subject]),
      },
    },
  ].filter((entry) => entry.view.rows.length > 0 || (entry === forkOnly && commits.forkOnly.length > 0));
}
