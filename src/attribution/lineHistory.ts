import type { History, LogScope, PathCommits } from '../git/history.js';
import { hasSoleCommit, namesBefore, pathsByCommit } from '../git/history.js';
import type { GitProcess } from '../git/spawnGit.js';
import { firstParentChain } from './branches.js';
import type { Branches } from './branches.js';
import { addChangedLine, emptyChange, isOversized } from './commitChanges.js';
import type { CommitChange } from './commitChanges.js';
import { BASE_OWNER, NO_SEGMENTS, applyHunks, baseSegments, ownerAt, removalIndex, segmentList } from './lineOwners.js';
import { resolveMergedLines } from './mergedLines.js';
import type { RemovedRange, Segments } from './lineOwners.js';
import { KEPT_CHANGED_LINES, logScopes, PATHSPEC_BUDGET } from './logScope.js';
import { logRanges } from './logParts.js';
import type { LogLimits } from './logScope.js';
import { linkedGroups, PATHSPEC_CHARS } from './pathChunks.js';
import { readGitPatch } from './patchReader.js';
import { createPairCache, oncePer } from '../multiMap.js';

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
  /**
   * The added and removed lines of a non-merge commit whose whole patch the
   * logs read (first-parent, every path it touched within their scope), so
   * that applied.ts need not read it again; undefined for any other commit.
   */
  changeOf(sha: string): CommitChange | undefined;
}

const NOT_FOLLOWED: LineHistory = { ownerOf: () => null, removerOf: () => null, counts: () => new Map(), changeOf: () => undefined };

/**
 * Only paths two or more commits touched, under any of their names, need
 * their lines followed (with one, that commit explains every line), with the
 * names they were renamed from so git pairs the renames up: whole rename
 * groups, which a long pathspec splits between `git log`s without parting.
 * A group none of whose names differs between the base and the tip is left:
 * no line of it is the side's. A fork that merges upstream's releases
 * touched and restored hundreds of them (SQLCipher: 580 paths, 51 still
 * changed), and following them read every release's changes to them.
 */
const pathsToFollow = (touched: PathCommits, changed: ReadonlySet<string>): string[][] => {
  const seeds = [...touched.byPath.keys()].filter((path) => !hasSoleCommit(touched, path));
  return linkedGroups(seeds, (path) => namesBefore(touched, path)).filter((group) => group.some((path) => changed.has(path)));
};

/** One file as the log walks it: its name at the base (null when created since), every name it had, and who owns what. */
interface FollowedFile {
  basePath: string | null;
  names: Set<string>;
  segments: Segments;
}

interface Followed {
  /** Commit ids by number; a commit touching two chunks is listed twice, which owners do not mind. */
  commits: string[];
  merges: Set<number>;
  files: Map<string, FollowedFile>;
  /** Base path → base lines removed, with the names the file had. */
  removed: Map<string, { ranges: RemovedRange[]; names: Set<string> }>;
  /** Non-merge commits' changed lines, over every file the logs showed (followed or not). */
  changes: Map<string, CommitChange>;
  /** Lines kept in `changes` so far, and how many may be: a commit begun past it is not kept. */
  kept: { lines: number; limit: number };
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
  changed: ReadonlySet<string>,
  branches: Branches,
  limits: LogLimits = { maxChars: PATHSPEC_CHARS, budget: PATHSPEC_BUDGET },
): Promise<LineHistory> => {
  const groups = pathsToFollow(touched, changed);
  if (groups.length === 0) return NOT_FOLLOWED;
  const kept = { lines: 0, limit: limits.keptLines ?? KEPT_CHANGED_LINES };
  const followed: Followed = { commits: [], merges: new Set(), files: new Map(), removed: new Map(), changes: new Map(), kept };
  const wanted = new Set(groups.flat());
  const scopes = logScopes(groups, touched.byPath.keys(), touched.parents.size, limits);
  const ranges = logRanges(base, tip, firstParentChain(touched.parents, tip), limits.parts);
  for (const scope of scopes) {
    // A whole-tree log also shows files one commit alone touched: those stay unfollowed, as with a pathspec.
    // A rename git pairs across the two (either name followed) is kept, and followed under its new name.
    const isWanted = 'paths' in scope ? () => true : (path: string | null) => path !== null && wanted.has(path);
    // A long history's later parts run beside the first, into temporary files; each is read in its turn, oldest first.
    const logs = ranges.map(([from, to], index) => history.lineLog(from, to, scope, index > 0));
    try {
      for (const log of logs) await followLines(log, followed, isWanted);
    } catch (error) {
      for (const log of logs) log.cancel();
      throw error;
    }
  }
  const { commits, merges, files, removed, changes } = followed;
  /** The commits a merge brought in that touched the file under one of its names: asked per line, worked out once per file and merge. */
  const known = createPairCache<ReadonlySet<string>, number, string[]>();
  const candidates = (owner: number, names: ReadonlySet<string>): string[] => {
    if (!merges.has(owner)) return [];
    return known(names, owner, () => {
      const brought = branches.broughtIn(commits[owner] ?? '');
      return [...new Set([...names].flatMap((name) => touched.byPath.get(name) ?? []).filter((candidate) => brought.has(candidate)))];
    });
  };
  const explain = (owner: number, names: ReadonlySet<string>, resolved: string | undefined): string[] => {
    if (!merges.has(owner)) return [commits[owner] ?? ''];
    if (resolved !== undefined) return [resolved];
    const writers = candidates(owner, names);
    return writers.length > 0 ? writers : [commits[owner] ?? ''];
  };
  const merged = await resolveMergedLines(history, base, tip, { files, removed, candidates }, limits.mergedPathChecks);
  // Built on a file's first question: the log is complete by then.
  const removerIn = oncePer(removalIndex);
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
      const owner = removerIn(log.ranges)(line);
      return owner === null ? [] : explain(owner, log.names, merged.remover(basePath, line));
    },
    counts: () => {
      const counts = new Map<string, { live: number; removed: number }>();
      const add = (sha: string, key: 'live' | 'removed', lines: number): void => {
        const entry = counts.get(sha) ?? { live: 0, removed: 0 };
        entry[key] += lines;
        counts.set(sha, entry);
      };
      // A merge's lines are its branch commits': each line to the commit that wrote (or removed) it, or to every
      // commit of the branch that may have, when the text does not tell. The merge itself wrote none of them.
      const count = (owner: number, key: 'live' | 'removed', from: number, to: number, names: ReadonlySet<string>, resolve: (line: number) => string | undefined): void => {
        if (!merges.has(owner)) return add(commits[owner] ?? '', key, Number.isFinite(to) ? to - from : 1);
        for (let line = from; line < (Number.isFinite(to) ? to : from + 1); line += 1) for (const sha of explain(owner, names, resolve(line))) add(sha, key, 1);
      };
      for (const [path, { names, segments }] of files) {
        for (const { owner, from, to } of segmentList(segments)) if (owner !== BASE_OWNER) count(owner, 'live', from, to, names, (line) => merged.writer(path, line));
      }
      for (const [basePath, { names, ranges }] of removed) {
        for (const { owner, from, to } of ranges) count(owner, 'removed', from, to, names, (line) => merged.remover(basePath, line));
      }
      return counts;
    },
    changeOf: wholePatches(changes, touched, scopes),
  };
};

/**
 * A commit's change as the logs read it, when they read all of it: every
 * path it touched, and every name those were renamed from (so git paired the
 * same renames as in a log of the commit alone), lies within the scopes.
 */
const wholePatches = (changes: ReadonlyMap<string, CommitChange>, touched: PathCommits, scopes: readonly LogScope[]): LineHistory['changeOf'] => {
  const listed = new Set(scopes.flatMap((scope) => ('paths' in scope ? scope.paths : [])));
  const isCovered = (path: string): boolean => listed.has(path) ||
    scopes.some((scope) => 'allBut' in scope && !scope.allBut.some((directory) => path === directory || path.startsWith(`${directory}/`)));
  let pathsOf: Map<string, string[]> | null = null;
  return (sha) => {
    const change = changes.get(sha);
    if (!change) return undefined;
    pathsOf ??= pathsByCommit(touched.byPath);
    const paths = pathsOf.get(sha) ?? [];
    const isWhole = paths.length > 0 && paths.every((path) => isCovered(path) && namesBefore(touched, path).every(isCovered));
    return isWhole ? change : undefined;
  };
};

/** Reads one `git log -p` and moves each of its files' owned segments forwards through it. */
const followLines = (log: GitProcess, { commits, merges, files, removed, changes, kept }: Followed, isWanted: (path: string | null) => boolean): Promise<void> => {
  // The commit's changed lines (a merge's are its first parent's diff, not a change of its own).
  let change: CommitChange | null = null;
  return readGitPatch(log, {
    commit: (sha, parentCount) => {
      if (parentCount > 1) merges.add(commits.length);
      commits.push(sha);
      // A commit another chunk began is finished whatever the budget; a new one is begun only within it.
      change = parentCount > 1 ? null : (changes.get(sha) ?? (kept.lines < kept.limit ? emptyChange() : null));
      if (change) changes.set(sha, change);
    },
    isLineWanted: () => change !== null && !isOversized(change),
    line: (type, text, file) => {
      if (!change) return;
      addChangedLine(change, type, text, file);
      // A long line counts as several: the budget bounds memory, not a count.
      kept.lines += 1 + (text.length >> 8);
    },
    file: ({ oldPath, newPath, hunks }) => {
      if (!isWanted(oldPath) && !isWanted(newPath)) return;
      const owner = commits.length - 1;
      // A path first seen being changed, renamed or deleted was there at the base.
      const file: FollowedFile =
        (oldPath === null ? undefined : files.get(oldPath)) ??
        { basePath: oldPath, names: new Set(oldPath === null ? [] : [oldPath]), segments: oldPath === null ? NO_SEGMENTS : baseSegments() };
      if (oldPath !== null) files.delete(oldPath);
      const { basePath } = file;
      const onRemoved = basePath === null ? undefined : (range: RemovedRange): void => {
        const entry = removed.get(basePath) ?? { ranges: [], names: file.names };
        entry.ranges.push(range);
        removed.set(basePath, entry);
      };
      if (newPath === null) {
        // Deleted: every base line still in it goes now.
        for (const segment of segmentList(file.segments)) {
          if (segment.owner === BASE_OWNER && onRemoved) onRemoved({ from: segment.base, to: segment.base + (segment.to - segment.from), owner });
        }
        return;
      }
      file.names.add(newPath);
      if (hunks.length > 0) file.segments = applyHunks(file.segments, hunks, owner, onRemoved);
      files.set(newPath, file);
    },
  });
};
