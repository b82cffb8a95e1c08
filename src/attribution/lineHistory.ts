import type { History, PathCommits } from '../git/history.js';
import { applyHunks, ownerAt } from './lineOwners.js';
import type { OwnedSegment } from './lineOwners.js';
import { readPatch } from './patchReader.js';

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

// Past this many characters of paths, follow the whole tree rather than risk the argv limit.
const MAX_PATHSPEC_CHARS = 64 * 1024;

/**
 * Only paths two or more commits touched need their lines followed (with one,
 * that commit explains every hunk), plus the names they were renamed from so
 * git pairs the renames up; null for "the whole tree".
 */
const pathsToFollow = ({ byPath, renamedFrom }: PathCommits): string[] | null => {
  const paths = new Set<string>();
  const queue = [...byPath].filter(([, commits]) => commits.length > 1).map(([path]) => path);
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    if (paths.has(path)) continue;
    paths.add(path);
    queue.push(...(renamedFrom.get(path) ?? []));
  }
  let chars = 0;
  for (const path of paths) chars += path.length + 1;
  return chars > MAX_PATHSPEC_CHARS ? null : [...paths].sort();
};

/** Marks a line a merge commit brought in from another branch. */
export const MERGED = 'merged';

/**
 * Reads one side's history since the merge base as a single streamed
 * zero-context `git log -p` (first-parent, oldest first) and follows every
 * line forwards, as `git blame` would, keeping only who owns which spans.
 * One process per side per run instead of one `git blame` per file.
 */
export const loadLineHistory = async (history: History, base: string, tip: string, touched: PathCommits): Promise<LineHistory> => {
  const paths = pathsToFollow(touched);
  if (paths?.length === 0) return NO_LINES;
  const log = history.lineLog(base, tip, paths ?? []);
  const commits: string[] = [];
  const merges = new Set<number>();
  const files = new Map<string, OwnedSegment[]>();
  try {
    await readPatch(log.stdout, {
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
    await log.done;
  } catch (error) {
    log.cancel();
    throw error;
  }
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
