import type { History } from '../git/history.js';
import type { FileDiff } from '../model.js';
import { NONE_KEPT, tipLines } from './changedRanges.js';
import type { Tips } from './fileSides.js';
import { OTHER, tipPathsOf } from './lineFacts.js';
import type { BothSides, SideFacts, UnpairedLines } from './lineFacts.js';
import { readGitPatch } from './patchReader.js';
import type { HunkRange } from './patchReader.js';

/**
 * The lines of a renamed file both sides changed, on a side whose path the
 * shared range diffs did not read. They read the paths both sides changed
 * under one name, and those paths' renames; the two-tip diff pairs files by
 * likeness, so it can pair two files of different pasts. LXD copied
 * `lxd/project/permissions.go` into `lxd/project/limits/` and fixed the copy,
 * incus had renamed the original: the two-tip diff pairs incus's file with
 * LXD's copy, and with the copy read as unchanged since the base, LXD's
 * fixes in it read as lines the fork removed, with no commit.
 *
 * Such a path is read against the name it had at the merge base (a rename's
 * source, or itself), else against the other side's (the copy of a file the
 * other side kept or renamed). A file each side added at its own path (a
 * syslog listener each wrote) had no base lines: its side wrote them all.
 * One `git diff` of two blobs per such path: few are like this (54 of
 * incus's 2,927 files; 11 on three of the 21 other real forks, none on the rest).
 */
export const unpairedLines = async (file: FileDiff, sides: BothSides, history: History, tips: Tips): Promise<UnpairedLines> => {
  const unpaired: UnpairedLines = {};
  // A rename git found by content: a gitlink is only ever renamed whole, without hunks.
  if (file.side !== 'both' || file.status !== 'renamed' || file.isBinary || file.hunks.length === 0) return unpaired;
  const paths = tipPathsOf(file);
  for (const side of ['upstream', 'fork'] as const) {
    const path = paths[side];
    if (path === null || sides[side].ranges.has(path) || !sides[side].changed.paths.has(path)) continue;
    const otherPath = paths[OTHER[side]];
    const baseName = baseNameOf(sides[side], path) ?? (otherPath === null ? null : baseNameOf(sides[OTHER[side]], otherPath));
    unpaired[side] = baseName === null ? NONE_KEPT : tipLines(await blobRanges(history, `${tips.base}:${baseName}`, `${tips[side]}:${path}`));
  }
  return unpaired;
};

/** The path a side's tip file had at the merge base: its rename's source, the path itself, or none for a file the side added. */
const baseNameOf = (side: SideFacts, path: string): string | null =>
  side.changed.fromNames.get(path) ?? (side.changed.added.has(path) ? null : path);

/** The zero-context hunks from one blob to another. */
const blobRanges = async (history: History, from: string, to: string): Promise<HunkRange[]> => {
  let ranges: HunkRange[] = [];
  await readGitPatch(history.blobLines(from, to), {
    file: ({ hunks }) => {
      ranges = hunks;
    },
  });
  return ranges;
};
