import type { CarryEntry, PickForecast, SyncPlan } from '../model.js';
import { plural } from '../text/plural.js';
import { type TableView, shortSha } from './view.js';

const FEW_PATHS = 3;

/** `a.go, b.go, c.go and 4 more`: enough to recognise a change without a wall of paths. */
export const fewPaths = (paths: readonly string[]): string =>
  paths.length <= FEW_PATHS ? paths.join(', ') : `${paths.slice(0, FEW_PATHS).join(', ')} and ${paths.length - FEW_PATHS} more`;

/** A `(cherry picked from commit …)` reference rather than a pull request (`#1234`). */
const isCommitRef = (ref: string): boolean => /^[0-9a-f]{7,64}$/.test(ref);

/** A carry's upstream reference as a table shows it: a pull request as written, a commit abbreviated. */
const refText = (ref: string): string => (isCommitRef(ref) ? shortSha(ref) : ref);

/** What a carry's state asks of the maintainer on the next rebase. */
export const carryAdvice = (carry: CarryEntry): string => {
  if (carry.upstreamRef !== null && carry.isUpstreamMerged) return `upstream merged ${carry.upstreamRef}: drop on next rebase`;
  if (carry.status === 'superseded') return 'upstream has it: drop on next rebase';
  if (carry.status === 'dropped') return 'nothing of it is left: drop';
  if (carry.tag === 'drop') return 'tagged to drop on next rebase';
  // A commit upstream's history had would make the carry superseded: this one was picked from another branch.
  if (carry.upstreamRef !== null && isCommitRef(carry.upstreamRef)) return `picked from ${shortSha(carry.upstreamRef)}, which upstream's branch lacks`;
  if (carry.upstreamRef !== null) return `tracks upstream ${carry.upstreamRef}`;
  return '';
};

/**
 * `4`, `0 + 2 removed` for a commit carried by the merge-base lines it
 * removed (its own lines all replaced since), `0 + 1 renamed` for one carried
 * by a rename the fork tip keeps, `0 + 2 files kept` for one carried by
 * files (binary or empty) the tip has as it left them.
 */
const liveCount = (carry: CarryEntry): string =>
  [
    String(carry.liveLines),
    ...(carry.removedLines > 0 ? [`${carry.removedLines} removed`] : []),
    ...(carry.renamedPaths > 0 ? [`${carry.renamedPaths} renamed`] : []),
    ...(carry.keptFiles > 0 ? [`${plural(carry.keptFiles, 'file')} kept`] : []),
  ].join(' + ');

const count = (picks: readonly PickForecast[], result: PickForecast['result']): number => picks.filter((pick) => pick.result === result).length;

/** Carries with nothing left to carry forward past which markdown and HTML collapse them under the ledger. */
export const MIN_COLLAPSED_CARRY_ROWS = 100;

const isSpent = (carry: CarryEntry): boolean => carry.status === 'superseded' || carry.status === 'dropped';

/** One table of a report's sync plan, and the rows markdown and HTML collapse under it, with what the block's summary says. */
export interface SyncView {
  title: string;
  view: TableView;
  tail?: { summary: string; view: TableView };
}

/**
 * The sync plan as titled tables: what a merge of upstream would conflict
 * on, each missing commit cherry-picked alone, and the fork's carry ledger.
 * Security fixes come first among the picks, as they lead the report. A
 * ledger with MIN_COLLAPSED_CARRY_ROWS or more superseded and dropped
 * commits leaves them to its tail: a fork that merges upstream rather than
 * rebasing keeps every commit it ever made (KeyDB: 8,035 dropped, 2,080
 * superseded of 14,551), and those ask nothing of a maintainer.
 */
export function syncViews(sync: SyncPlan): SyncView[] {
  const picks = [...sync.picks].sort((a, b) => Number(b.security.length > 0) - Number(a.security.length > 0));
  const unforecast = sync.unforecastPicks > 0 ? `, ${sync.unforecastPicks} more not forecast` : '';
  const statuses = (['carried', 'superseded', 'reverted', 'dropped'] as const).map((status) => `${sync.carries.filter((carry) => carry.status === status).length} ${status}`);
  return [
    {
      title: sync.merge.clean ? 'Merging upstream now: clean' : `Merging upstream now: ${plural(sync.merge.conflicts.length, 'conflict')}`,
      view: {
        columns: [{ header: 'Path', isFlexible: true }, { header: 'Conflict' }],
        rows: sync.merge.conflicts.map((conflict) => [conflict.path, conflict.kind]),
      },
    },
    {
      title: `Missing upstream commits, each cherry-picked alone onto the fork (${count(picks, 'clean')} clean, ${count(picks, 'conflict')} conflict, ${count(picks, 'empty')} empty${unforecast})`,
      view: {
        columns: [
          { header: 'Commit' }, { header: 'Subject', isFlexible: true, minWidth: 24 }, { header: 'Result' },
          { header: 'Fix?' }, { header: 'Security', isFlexible: true }, { header: 'Conflicts', isFlexible: true },
        ],
        rows: picks.map((pick) => [
          shortSha(pick.sha), pick.subject, pick.result, pick.isFix ? 'fix' : '', pick.security.join(', '), fewPaths(pick.conflicts),
        ]),
      },
    },
    ledgerView(sync.carries, `The fork's carries (${statuses.join(', ')})`),
  ].filter((entry) => entry.view.rows.length > 0 || entry.tail !== undefined || entry.title.startsWith('Merging'));
}

const LEDGER_COLUMNS: TableView['columns'] = [
  { header: 'Commit' }, { header: 'Subject', isFlexible: true, minWidth: 24 }, { header: 'Status' }, { header: 'Tag' },
  { header: 'Upstream ref' }, { header: 'Live lines', align: 'right' }, { header: 'Categories', isFlexible: true },
  { header: 'Advice', isFlexible: true },
];

const ledgerRows = (carries: readonly CarryEntry[]): string[][] =>
  carries.map((carry) => [
    shortSha(carry.sha), carry.subject, carry.status, carry.tag ?? '',
    carry.upstreamRef ? `${refText(carry.upstreamRef)}${carry.isUpstreamMerged ? ' (merged)' : ''}` : '',
    liveCount(carry), carry.categories.join(', '), carryAdvice(carry),
  ]);

function ledgerView(carries: readonly CarryEntry[], title: string): SyncView {
  const spent = carries.filter(isSpent);
  if (spent.length < MIN_COLLAPSED_CARRY_ROWS) return { title, view: { columns: LEDGER_COLUMNS, rows: ledgerRows(carries) } };
  const count = (status: CarryEntry['status']): number => spent.filter((carry) => carry.status === status).length;
  return {
    title,
    view: { columns: LEDGER_COLUMNS, rows: ledgerRows(carries.filter((carry) => !isSpent(carry))) },
    tail: {
      summary: `${spent.length} carries with nothing left to carry forward: ${count('dropped')} dropped (none of their lines is left), ${count('superseded')} superseded (upstream has the same change)`,
      view: { columns: LEDGER_COLUMNS, rows: ledgerRows(spent) },
    },
  };
}
