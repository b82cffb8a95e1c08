import type { History, PathCommits } from '../git/history.js';
import { applyHunks, ownerAt } from './lineOwners.js';
import type { OwnedSegment } from './lineOwners.js';
import { chunkGroups, linkedGroups, PATHSPEC_CHARS } from './pathChunks.js';
import { readGitPatch } from './patchReader.js';
import type { GitProcess } from '../git/spawnGit.js';

/** Who last changed each line of one side's tip since the merge base. */
export interface LineHistory {
  /**
   * The commit that last changed `line` of `path` at the tip; `merged` when a
   * merge brought the line in (the branch commit is not known); null when
   * the line is older than the merge base.
   */
  ownerOf(path: string, line: number): string | null;
  /** Commits on the first-parent chain since the base, i.e. not brought in by a merge. */
  isFirstParent(sha: string): boolean;
}

const NO_LINES: LineHistory = { ownerOf: () => null, isFirstParent: () => false };

/**
 * Only paths two or more commits touched need their lines followed (with one,
 * that commit explains every hunk), with the names they were renamed from so
 * git pairs the renames up; in chunks of whole rename groups, one `git log`
 * each, so a long pathspec never has to fall back to the whole tree.
 */
const pathsToFollow = ({ byPath, renamedFrom }: PathCommits, maxChars: number): string[][] => {
  const seeds = [...byPath].filter(([, commits]) => commits.length > 1).map(([path]) => path);
  return chunkGroups(linkedGroups(seeds, (path) => renamedFrom.get(path) ?? []), maxChars);
};

/** Marks a line a merge commit brought in from another branch. */
export const MERGED = 'merged';

/**
 * Reads one side's history since the merge base as streamed zero-context
 * `git log -p` (first-parent, oldest first) and follows every line forwards,
 * as `git blame` would, keeping only who owns which spans. One process per
 * side per chunk of paths, instead of one `git blame` per file.
 */
export const loadLineHistory = async (
  history: History,
  base: string,
  tip: string,
  touched: PathCommits,
  maxChars = PATHSPEC_CHARS,
): Promise<LineHistory> => {
  const chunks = pathsToFollow(touched, maxChars);
  if (chunks.length === 0) return NO_LINES;
  // Indexes into `commits`: a commit touching two chunks is listed twice, which owners do not mind.
  const commits: string[] = [];
  const merges = new Set<number>();
  const files = new Map<string, OwnedSegment[]>();
  for (const paths of chunks) await followLines(history.lineLog(base, tip, paths), { commits, merges, files });
  const firstParent = new Set(commits);
  return {
    ownerOf: (path, line) => {
      const segments = files.get(path);
      const owner = segments ? ownerAt(segments, line) : null;
      if (owner === null) return null;
      return merges.has(owner) ? MERGED : (commits[owner] ?? null);
    },
    isFirstParent: (sha) => firstParent.has(sha),
  };
};

interface Followed {
  commits: string[];
  merges: Set<number>;
  files: Map<string, OwnedSegment[]>;
}

/** Reads one `git log -p` and moves each of its files' owned segments forwards through it. */
const followLines = (log: GitProcess, { commits, merges, files }: Followed): Promise<void> =>
  readGitPatch(log, {
    commit: (sha, parentCount) => {
      if (parentCount > 1) merges.add(commits.length);
      commits.push(sha);
    },
    file: ({ oldPath, newPath, hunks }) => {
      const owner = commits.length - 1;
      const before = oldPath === null ? [] : (files.get(oldPath) ?? []);
      if (oldPath !== null) files.delete(oldPath);
      if (newPath === null) return; // deleted
      const after = hunks.length === 0 ? before : applyHunks(before, hunks, owner);
      if (after.length > 0) files.set(newPath, after);
    },
  });
