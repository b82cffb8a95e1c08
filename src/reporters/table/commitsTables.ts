import type { Commits, SyncPlan } from '../../model.js';
import { commitsViews } from '../commitsView.js';
import type { TableView } from '../view.js';

/** The commit lists, each under its title (`heading` wraps and styles it); `render` draws a table, as a string or its lines. */
export function commitsTables<Table>(commits: Commits, sync: SyncPlan | null, render: (view: TableView) => Table, heading: (text: string) => string): (string | Table)[] {
  return commitsViews(commits, sync).flatMap(({ title, view }) => (view.rows.length > 0 ? ['', heading(title), render(view)] : ['', heading(title)]));
}
