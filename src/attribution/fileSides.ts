import { earlierNames, lastNameOf } from '../git/history.js';
import type { ChangedFiles, PathCommits } from '../git/history.js';
import type { FileDiff, LineSide, OneSideRename, Side } from '../model.js';

export interface Tips {
  base: string;
  upstream: string;
  fork: string;
}

/** A file's path on each side of the upstream → fork diff. */
export const upstreamPathOf = (file: FileDiff): string => file.oldPath ?? file.path;
export const forkPathOf = (file: FileDiff): string => file.path;

/** Per side, the paths whose content differs from the merge base's, and the base names of the paths a rename gave (one `git diff --raw` per side per run). */
export type ChangedPaths = Record<'upstream' | 'fork', Pick<ChangedFiles, 'paths' | 'renames' | 'fromNames' | 'removed' | 'added'>>;

/**
 * Which side moved a file, from whether its blob at base differs from the
 * side's. Both paths are checked on every tree, so a rename counts as a
 * change on the side that renamed (its old path vanished there), not as
 * "unchanged content"; so are the names they had at the base, so a file
 * one side renamed and the other deleted or changed under its base name
 * (netbox upstream's `feature_request.yaml` → `01-feature_request.yaml`,
 * which its fork deleted) is both sides' move.
 */
export const fileSide = (file: FileDiff, changed: ChangedPaths): Side => {
  const upstreamPath = upstreamPathOf(file);
  const forkPath = forkPathOf(file);
  const paths = [upstreamPath, forkPath, changed.upstream.fromNames.get(upstreamPath), changed.fork.fromNames.get(forkPath)]
    .filter((path): path is string => path !== undefined);
  return sideOf(
    paths.some((path) => changed.upstream.paths.has(path)),
    paths.some((path) => changed.fork.paths.has(path)),
  );
};

/**
 * A file only one tip has, whose path a rename since the merge base gave
 * (on the side that has it) or took (on the side that lacks it), which the
 * two-tip diff did not pair because the files are no longer alike: the
 * rename, and what the other side did to the base file. A rename the base
 * → tip diff no longer pairs either, which the side's own commits made step
 * by step (`history`: uptime-kuma's upstream renamed `beta-release.yml` to
 * `release-beta.yml`, then rewrote it), counts too.
 */
export const renameOf = (file: FileDiff, changed: ChangedPaths, history?: Record<LineSide, Pick<PathCommits, 'renamedInto' | 'order'>>): OneSideRename | null => {
  if (file.status !== 'added' && file.status !== 'deleted') return null;
  const [has, lacks] = file.status === 'added' ? (['fork', 'upstream'] as const) : (['upstream', 'fork'] as const);
  const moveOn = (side: LineSide, path: string): OneSideRename['otherSide'] =>
    changed[side].removed.has(path) ? 'deleted' : changed[side].paths.has(path) ? 'changed' : 'kept';
  const from = changed[has].fromNames.get(file.path) ?? (history ? earlierNames(history[has], file.path).at(-1) : undefined);
  if (from !== undefined && (changed[has].fromNames.has(file.path) || (changed[has].removed.has(from) && changed[has].added.has(file.path)))) {
    return { side: has, from, to: file.path, otherSide: moveOn(lacks, from) };
  }
  const to = changed[lacks].renames.get(file.path) ?? (history ? lastNameOf(history[lacks], file.path) : undefined);
  const isRenamed = to !== undefined && (changed[lacks].fromNames.get(to) === file.path || (changed[lacks].removed.has(file.path) && changed[lacks].added.has(to)));
  if (to !== undefined && isRenamed) return { side: lacks, from: file.path, to, otherSide: moveOn(has, file.path) };
  return null;
};

/** Neither side changed the content (e.g. a mode-only change): unknown, not guessed. */
export const sideOf = (isUpstreamChanged: boolean, isForkChanged: boolean): Side => {
  if (isUpstreamChanged && isForkChanged) return 'both';
  if (isUpstreamChanged) return 'upstream';
  if (isForkChanged) return 'fork';
  return null;
};
