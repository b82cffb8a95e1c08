import type { Commits } from '../../model.js';
import { commitsViews } from '../commitsView.js';
import type { TableView } from '../view.js';

/** The commit lists, each under its title (`heading` wraps and styles it). */
export function commitsTables(commits: Commits, render: (view: TableView) => string, heading: (text: string) => string): string[] {
  return commitsViews(commits).flatMap(({ title, view }) => ['', heading(title), render(view)]);
}
