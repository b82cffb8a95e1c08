import type { CommitInfo, Commits } from '../model.js';
import { type TableView, shortSha } from './view.js';

const commitRows = (commits: readonly CommitInfo[]): string[][] =>
  commits.map((commit) => [shortSha(commit.sha), commit.isFix ? 'fix' : '', commit.subject, commit.date.slice(0, 10)]);

const COLUMNS: TableView['columns'] = [{ header: 'Commit' }, { header: 'Fix?' }, { header: 'Subject', isFlexible: true }, { header: 'Date' }];

/** The three commit lists of git mode, each as a table with its title. */
export function commitsViews(commits: Commits): { title: string; view: TableView }[] {
  const fixes = commits.missingFromFork.filter((commit) => commit.isFix).length;
  return [
    {
      title: `Upstream commits missing from the fork (${commits.missingFromFork.length}, ${fixes} read as fixes)`,
      view: { columns: COLUMNS, rows: commitRows(commits.missingFromFork) },
    },
    { title: `Fork-only commits (${commits.forkOnly.length})`, view: { columns: COLUMNS, rows: commitRows(commits.forkOnly) } },
    {
      title: `Fork commits that revert upstream ones (${commits.reverts.length})`,
      view: {
        columns: [{ header: 'Fork commit' }, { header: 'Reverts' }, { header: 'Subject', isFlexible: true }],
        rows: commits.reverts.map((revert) => [shortSha(revert.commit.sha), shortSha(revert.reverts), revert.revertsSubject ?? revert.commit.subject]),
      },
    },
  ].filter((entry) => entry.view.rows.length > 0);
}
