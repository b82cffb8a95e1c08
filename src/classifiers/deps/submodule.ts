// Git submodules: a gitlink pins another repository's commit (git-diff(1) writes it as `Subproject commit <sha>`).
import { shortCommitId } from '../../attribution/lineFacts.js';
import type { FileDiff, Finding } from '../../model.js';
import { directoriesAbove } from '../../pathDirectories.js';
import { createFinding } from '../common/finding.js';
import { wholeFile } from '../common/location.js';
import { describeChange } from '../common/wording.js';
import type { ClassifyContext } from '../define.js';
import { plural } from '../../text/plural.js';
import { vendoredFilesOf } from './runMemory.js';

const PIN = /^Subproject commit ([0-9a-f]{40,64})(?:-dirty)?$/;

/** The commit each tip pins, short as the report's commits are, from the hunk's lines (`-` upstream's, `+` the fork's); null where that tip has no gitlink. */
export function pinsOf(file: FileDiff): { upstream: string | null; fork: string | null } {
  const pins = { upstream: null as string | null, fork: null as string | null };
  for (const hunk of file.hunks) {
    for (const line of hunk.lines) {
      const sha = PIN.exec(line.content)?.[1];
      if (sha === undefined || line.type === 'normal') continue;
      pins[line.type === 'del' ? 'upstream' : 'fork'] = shortCommitId(sha);
    }
  }
  return pins;
}

/** The row of the submodule a file sits in (the other tip keeps the library's files where this one pins it), if any. */
export function submoduleRowAbove(path: string, rows: ReadonlyMap<string, Finding>): Finding | undefined {
  if (rows.size === 0) return undefined;
  for (const directory of directoriesAbove(path)) {
    const row = rows.get(directory);
    if (row) return row;
  }
  return undefined;
}

/**
 * One row per submodule whose pin differs: `upstream changed submodule
 * subprojects/gvc 7a621180b464 → 8e7a5a4c3e51; fork still at 7a621180b464`.
 * Pins have no order without the submodule's own history, so the direction
 * is `changed`, `added` or `removed`. The side is the file's: a gitlink's
 * one "line" is its whole content, and the merge base's pin says who moved.
 */
export function submoduleRow(file: FileDiff, context: ClassifyContext): Finding {
  const { upstream, fork } = pinsOf(file);
  const at = wholeFile(file, context);
  const subject = `submodule ${file.path}`;
  return createFinding({
    category: 'vendored-deps',
    kind: 'submodule',
    path: file.path,
    message: describeChange({ subject, upstream, fork, side: at.side, isVersioned: false }),
    identity: ['submodule', file.path, upstream, fork],
    ...at,
    confidence: 'high',
    details: { module: file.path, ecosystem: 'submodule', upstream, fork, direction: upstream === null ? 'added' : fork === null ? 'removed' : 'changed', source: 'submodule' },
  });
}

/**
 * A submodule one tip pins where the other keeps the library's files in its
 * own tree (pop-os's gnome-shell has gvc's files where GNOME pins the gvc
 * submodule: Debian's tarballs flatten submodules): said once every file was
 * read, the files grouped under the row as a vendored library's are.
 */
export function withFilesInstead(row: Finding): void {
  const files = vendoredFilesOf(row).length;
  if (files === 0) return;
  const { upstream, fork } = row.details;
  const pinned = typeof upstream === 'string' ? `upstream pins it at ${upstream}` : `the fork pins it at ${String(fork)}`;
  const other = typeof upstream === 'string' ? 'the fork' : 'upstream';
  row.details['direction'] = 'changed';
  row.message = `submodule ${row.path}: ${pinned}; ${other} keeps its files in the tree instead (${plural(files, 'file')})`;
}
