import { type CategoryId, type FileDiff, type LineSide, OTHER_KINDS, type OneSideRename, type Side } from '../model.js';
import { OTHER_KIND_TITLES } from './categoryInfo.js';
import { type TableView, minus, plus } from './view.js';
import { plural } from '../text/plural.js';
import { vendoredDirOf } from '../vendoredDir.js';

/** How a status reads in a report whose diff runs upstream → fork; a file one tip lacks says who deleted it when the merge base had it, or which rename gave or took its path. */
export function describeStatus(file: FileDiff): string {
  const parts: string[] = [
    file.rename ? describeRename(file.status === 'added' ? 'fork' : 'upstream', file.rename)
      : file.status === 'added' ? `only in fork${DELETED_UPSTREAM[file.side ?? 'fork']}`
      : file.status === 'deleted' ? `only upstream${DELETED_IN_FORK[file.side ?? 'upstream']}`
        : file.status === 'renamed' ? `renamed; upstream path ${file.oldPath ?? '?'} (${file.similarity ?? '?'}% similar)`
          : file.status === 'copied' ? `copied; upstream path ${file.oldPath ?? '?'}`
            : 'modified',
  ];
  if (file.isBinary) parts.push('binary');
  if (file.oldMode && file.newMode && file.oldMode !== file.newMode) parts.push(`mode ${file.oldMode} → ${file.newMode}`);
  return parts.join(', ');
}

/**
 * A file one tip has because of a rename on one side: `only in fork: the fork
 * renamed it from X, which upstream changed`, `only upstream: the fork renamed
 * it to Y; upstream changed it`.
 */
const describeRename = (tip: LineSide, { side, from, to, otherSide }: OneSideRename): string => {
  const where = tip === 'fork' ? 'only in fork' : 'only upstream';
  const [who, other] = side === 'fork' ? ['the fork', 'upstream'] : ['upstream', 'the fork'];
  // The side whose tip has the file gave it its path; the other took the path away.
  const isGiven = tip === side;
  const rename = isGiven ? `${who} renamed it from ${from}` : `${who} renamed it to ${to}`;
  if (otherSide === 'kept') return `${where}: ${rename}`;
  return isGiven ? `${where}: ${rename}, which ${other} ${otherSide}` : `${where}: ${rename}; ${other} ${otherSide} it`;
};

// Keyed by the file's side: a side that is not the adding one means the merge base had the file.
const DELETED_UPSTREAM = { fork: '', upstream: ': upstream deleted it', both: ': upstream deleted it, the fork changed it' } as const;
const DELETED_IN_FORK = { upstream: '', fork: ': the fork deleted it', both: ': the fork deleted it, upstream changed it' } as const;

const sides = (files: readonly FileDiff[]): string =>
  [...new Set(files.map((file) => file.side).filter((side): side is Exclude<Side, null> => side !== null))].sort().join('+') || '—';

/**
 * Files of one category. Vendored files collapse into one row per module
 * (a vendor bump touches dozens of files); `other` is split by kind.
 */
export function filesView(category: CategoryId, files: readonly FileDiff[], hasSides: boolean): TableView {
  const inCategory = files.filter((file) => file.categories.includes(category));
  const isOther = category === 'other';
  const columns: TableView['columns'] = [
    ...(isOther ? [{ header: 'Kind' }] : []),
    { header: 'Path', isFlexible: true },
    { header: 'Status', isFlexible: true },
    { header: '+', align: 'right' },
    { header: '−', align: 'right' },
    ...(hasSides ? [{ header: 'Side' }] : []),
  ];
  const groups = new Map<string, FileDiff[]>();
  for (const file of inCategory) {
    const key = category === 'vendored-deps' && file.module ? `module:${vendoredDirOf(file.path, file.module)}` : `file:${file.path}`;
    const group = groups.get(key);
    if (group) group.push(file);
    else groups.set(key, [file]);
  }
  const entries = [...groups.entries()];
  // `other` reads best grouped by kind; a stable sort keeps diff order inside each kind.
  if (isOther) entries.sort(([, a], [, b]) => kindRank(a[0]) - kindRank(b[0]));
  const rows = entries.map(([key, group]) => {
    const first = group[0] as FileDiff;
    const isModule = key.startsWith('module:');
    const row = [
      isModule ? `${key.slice('module:'.length)} (${plural(group.length, 'file')})` : first.path,
      isModule ? 'vendored module' : describeStatus(first),
      plus(sum(group, 'additions')),
      minus(sum(group, 'deletions')),
    ];
    if (isOther) row.unshift(OTHER_KIND_TITLES[first.otherKind ?? 'source']);
    if (hasSides) row.push(sides(group));
    return row;
  });
  return { columns, rows };
}

const kindRank = (file: FileDiff | undefined): number => OTHER_KINDS.indexOf(file?.otherKind ?? 'source');

const sum = (files: readonly FileDiff[], key: 'additions' | 'deletions'): number =>
  files.reduce((total, file) => total + file[key], 0);
