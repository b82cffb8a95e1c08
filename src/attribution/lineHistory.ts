import type { History, PathCommits } from '../git/history.js';
import type { GitProcess } from '../git/spawnGit.js';
import type { Branches } from './branches.js';
import { BASE_OWNER, applyHunks, baseSegments, ownerAt, removerAt } from './lineOwners.js';
import { resolveMergedLines } from './mergedLines.js';
import type { OwnedSegment, RemovedRange } from './lineOwners.js';
import { chunkGroups, linkedGroups, PATHSPEC_CHARS } from './pathChunks.js';
import { readGitPatch } from './patchReader.js';

/** Who wrote, and who removed, each line one side changed since the merge base. */
export interface LineHistory {
  /**
   * The commits that explain line `line` of `path` at the side's tip: the one
   * that last changed it, or, for a line a merge brought in, the commits of
   * that merge's branch that touched the file. Empty when the line is older
   * than the base; null when the path was not followed (one commit or none
   * touched it: the caller knows that commit).
   */
  ownerOf(path: string, line: number): string[] | null;
  /** Likewise, the commits that removed line `line` of `basePath` as the merge base had it. */
  removerOf(basePath: string, line: number): string[] | null;
  /**
   * Per commit, over the followed files: tip lines it still owns, and base
   * lines it removed that are still gone. Files one commit alone touched
   * are not followed (count them from the diff instead).
   */
  counts(): Map<string, { live: number; removed: number }>;
}

const NOT_FOLLOWED: LineHistory = { ownerOf: () => null, removerOf: () => null, counts: () => new Map() };

/**
 * Only paths two or more commits touched need their lines followed (with one,
 * that commit explains every line), with the names they were renamed from so
 * git pairs the renames up; in chunks of whole rename groups, one `git log`
 * each, so a long pathspec never has to fall back to the whole tree.
 */
const pathsToFollow = ({ byPath, renamedFrom }: PathCommits, maxChars: number): string[][] => {
  const seeds = [...byPath].filter(([, commits]) => commits.length > 1).map(([path]) => path);
  return chunkGroups(linkedGroups(seeds, (path) => renamedFrom.get(path) ?? []), maxChars);
};

/** One file as the log walks it: its name at the base (null when created since), every name it had, and who owns what. */
interface FollowedFile {
  basePath: string | null;
  names: Set<string>;
  segments: OwnedSegment[];
}

interface Followed {
  /** Commit ids by number; a commit touching two chunks is listed twice, which owners do not mind. */
  commits: string[];
  merges: Set<number>;
  files: Map<string, FollowedFile>;
  /** Base path → base lines removed, with the names the file had. */
  removed: Map<string, { ranges: RemovedRange[]; names: Set<string> }>;
}

/**
 * Reads one side's history since the merge base as streamed zero-context
 * `git log -p` (first-parent, oldest first, merges against their first
 * parent) and follows every line forwards, as `git blame` would backwards,
 * keeping only who owns which spans and who removed which base lines. A line
 * a merge brought in is explained by that merge's branch (see branches.ts).
 * One process per side per chunk of paths, instead of a `git blame` per file.
 */
export const loadLineHistory = async (
  history: History,
  base: string,
  tip: string,
  touched: PathCommits,
  branches: Branches,
  maxChars = PATHSPEC_CHARS,
): Promise<LineHistory> => {
  const chunks = pathsToFollow(touched, maxChars);
  if (chunks.length === 0) return NOT_FOLLOWED;
  const followed: Followed = { commits: [], merges: new Set(), files: new Map(), removed: new Map() };
  for (const paths of chunks) await followLines(history.lineLog(base, tip, paths), followed);
  const { commits, merges, files, removed } = followed;
  /** The commits a merge brought in that touched the file under one of its names. */
  const candidates = (owner: number, names: ReadonlySet<string>): string[] => {
    const sha = commits[owner] ?? '';
    if (!merges.has(owner)) return [];
    const brought = branches.broughtIn(sha);
    return [...new Set([...names].flatMap((name) => touched.byPath.get(name) ?? []).filter((candidate) => brought.has(candidate)))];
  };
  const explain = (owner: number, names: ReadonlySet<string>, resolved: string | undefined): string[] => {
    if (!merges.has(owner)) return [commits[owner] ?? ''];
    if (resolved !== undefined) return [resolved];
    const writers = candidates(owner, names);
    return writers.length > 0 ? writers : [commits[owner] ?? ''];
  };
  const merged = await resolveMergedLines(history, base, tip, { files, removed, candidates });
  return {
    ownerOf: (path, line) => {
      const file = files.get(path);
      if (!file) return null;
      const owner = ownerAt(file.segments, line);
      return owner === null ? [] : explain(owner, file.names, merged.writer(path, line));
    },
    removerOf: (basePath, line) => {
      const log = removed.get(basePath);
      if (!log) return files.has(basePath) ? [] : null;
      const owner = removerAt(log.ranges, line);
      return owner === null ? [] : explain(owner, log.names, merged.remover(basePath, line));
    },
    counts: () => {
      const counts = new Map<string, { live: number; removed: number }>();
      const add = (owner: number, key: 'live' | 'removed', lines: number): void => {
        const sha = commits[owner] ?? '';
        const entry = counts.get(sha) ?? { live: 0, removed: 0 };
        entry[key] += Number.isFinite(lines) ? lines : 1;
        counts.set(sha, entry);
      };
      for (const { segments } of files.values()) for (const segment of segments) if (segment.owner !== BASE_OWNER) add(segment.owner, 'live', segment.to - segment.from);
      for (const { ranges } of removed.values()) for (const range of ranges) add(range.owner, 'removed', range.to - range.from);
      return counts;
    },
  };
};

/** Reads one `git log -p` and moves each of its files' owned segments forwards through it. */
const followLines = (log: GitProcess, { commits, merges, files, removed }: Followed): Promise<void> =>
  readGitPatch(log, {
    commit: (sha, parentCount) => {
      if (parentCount > 1) merges.add(commits.length);
      commits.push(sha);
    },
    file: ({ oldPath, newPath, hunks }) => {
      const owner = commits.length - 1;
      // A path first seen being changed, renamed or deleted was there at the base.
      const file: FollowedFile =
        (oldPath === null ? undefined : files.get(oldPath)) ??
        { basePath: oldPath, names: new Set(oldPath === null ? [] : [oldPath]), segments: oldPath === null ? [] : baseSegments() };
      if (oldPath !== null) files.delete(oldPath);
      const { basePath } = file;
      const onRemoved = basePath === null ? undefined : (range: RemovedRange): void => {
        const entry = removed.get(basePath) ?? { ranges: [], names: file.names };
        entry.ranges.push(range);
        removed.set(basePath, entry);
      };
      if (newPath === null) {
        // Deleted: every base line still in it goes now.
        for (const segment of file.segments) {
          if (segment.owner === BASE_OWNER && onRemoved) onRemoved({ from: segment.base, to: segment.base + (segment.to - segment.from), owner });
        }
        return;
      }
      file.names.add(newPath);
      if (hunks.length > 0) file.segments = applyHunks(file.segments, hunks, owner, onRemoved);
      files.set(newPath, file);
    },
  });
