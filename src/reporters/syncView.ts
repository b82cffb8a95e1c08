import type { CarryEntry, PickForecast, SyncPlan } from '../model.js';
import { plural } from '../text/plural.js';
import { type TableView, shortSha } from './view.js';

/** One titled table of the sync plan. */
export interface SyncSection {
  title: string;
  view: TableView;
}

const pickNote = (pick: PickForecast): string => (pick.result === 'conflict' ? pick.conflicts.join(', ') : '');

/** What a carry's tag and upstream state ask of the maintainer. */
export const carryAdvice = (carry: CarryEntry): string => {
  if (carry.upstreamRef !== null && carry.isUpstreamMerged) return `upstream merged ${carry.upstreamRef}: drop on next rebase`;
  if (carry.status === 'superseded') return 'upstream has it: drop on next rebase';
  if (carry.status === 'dropped') return 'nothing of it is left: drop';
  if (carry.tag === 'drop') return 'tagged to drop on next rebase';
  if (carry.upstreamRef !== null) return `tracks upstream ${carry.upstreamRef}`;
  return '';
};

/** A line on merging now: `clean`, or how many files would conflict. */
export const mergeSummary = (sync: SyncPlan): string =>
  sync.merge.clean ? 'Merging upstream into the fork now would be clean.' : `Merging upstream into the fork now would conflict in ${plural(sync.merge.conflicts.length, 'file')}.`;

/**
 * The sync plan as tables, shared by the terminal and markdown reporters:
 * the merge's conflicts, each missing commit picked alone (security fixes
 * and fixes first, as forecast), and the fork's commits as a ledger.
 */
export function syncViews(sync: SyncPlan): SyncSection[] {
  const counts = (result: PickForecast['result']): number => sync.picks.filter((pick) => pick.result === result).length;
  const sections: SyncSection[] = [
    {
      title: `Merge forecast: ${sync.merge.clean ? 'clean' : plural(sync.merge.conflicts.length, 'conflicting file')}`,
      view: { columns: [{ header: 'Path', isFlexible: true }, { header: 'Conflict' }], rows: sync.merge.conflicts.map((conflict) => [conflict.path, conflict.kind]) },
    },
    {
      title: `Missing upstream commits picked alone (${counts('clean')} clean, ${counts('conflict')} conflict, ${counts('empty')} empty${sync.unforecastPicks > 0 ? `, ${sync.unforecastPicks} not forecast` : ''})`,
      view: {
        columns: [{ header: 'Commit' }, { header: 'Pick' }, { header: 'Fix?' }, { header: 'Security' }, { header: 'Subject', isFlexible: true }, { header: 'Conflicts', isFlexible: true }],
        rows: sync.picks.map((pick) => [shortSha(pick.sha), pick.result, pick.isFix ? 'fix' : '', pick.security.join(', '), pick.subject, pickNote(pick)]),
      },
    },
    {
      title: `Carry ledger (${['carried', 'superseded', 'reverted', 'dropped'].map((status) => `${sync.carries.filter((carry) => carry.status === status).length} ${status}`).join(', ')})`,
      view: {
        columns: [{ header: 'Commit' }, { header: 'Status' }, { header: 'Tag' }, { header: 'Live lines', align: 'right' }, { header: 'Categories' }, { header: 'Subject', isFlexible: true }, { header: 'Advice', isFlexible: true }],
        rows: sync.carries.map((carry) => [shortSha(carry.sha), carry.status, carry.tag ?? '', String(carry.liveLines), carry.categories.join(', '), carry.subject, carryAdvice(carry)]),
      },
    },
  ];
  return sections.filter((section) => section.view.rows.length > 0 || section.title.startsWith('Merge forecast'));
}
