import type { ChalkInstance } from 'chalk';
import type { Commits } from '../../model.js';
import { commitsViews } from '../commitsView.js';
import type { TableView } from '../view.js';

export function commitsTables(commits: Commits, render: (view: TableView) => string, chalk: ChalkInstance): string[] {
  return commitsViews(commits).flatMap(({ title, view }) => ['', chalk.bold(title), render(view)]);
}
