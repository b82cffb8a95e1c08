import { isOversized, readCommitChanges } from '../attribution/commitChanges.js';
import type { CommitChange, KnownChanges } from '../attribution/commitChanges.js';
import type { History } from '../git/history.js';
import { appendTo } from '../multiMap.js';

/** A fork commit as the pairing reads it: its id and the files it touched. */
export interface PairedCommit {
  sha: string;
  files: readonly string[];
}

/**
 * Fork commits that undo an earlier fork commit exactly, and the commits
 * they undo, without a `Revert "…"` subject: a later commit that adds back,
 * file by file, just the lines an earlier one removed and removes just the
 * lines it added (uptime-kuma's "remove duplicate codeql workflow" after
 * "Add CodeQL workflow"; a shim added, then dropped). Both are
 * reverted within the fork, as a revert and its target are: dropping the
 * pair changes nothing. `commits` are newest first (git log's order); each
 * commit pairs at most once, with the latest earlier commit it inverts, so
 * a change made, undone and made again leaves the last one carried.
 * Only commits that touched the same files as another are read.
 */
export const findUndoPairs = async (history: History, commits: readonly PairedCommit[], known: KnownChanges): Promise<Set<string>> => {
  const groups = sameFiles(commits);
  if (groups.length === 0) return new Set();
  return pairUndos(groups, await readCommitChanges(history, groups.flat().map((commit) => commit.sha), known));
};

/** Commits (newest first) grouped by the files they touched, oldest first within a group; only groups of two or more. */
const sameFiles = (commits: readonly PairedCommit[]): PairedCommit[][] => {
  const byFiles = new Map<string, PairedCommit[]>();
  for (const commit of [...commits].reverse()) if (commit.files.length > 0) appendTo(byFiles, [...commit.files].sort().join('\0'), commit);
  return [...byFiles.values()].filter((group) => group.length > 1);
};

/** The undo pairs of each group (oldest first): each later commit with the latest unpaired earlier one it inverts. */
export const pairUndos = (groups: readonly (readonly PairedCommit[])[], changes: ReadonlyMap<string, CommitChange>): Set<string> => {
  const paired = new Set<string>();
  for (const group of groups) {
    group.forEach((later, index) => {
      const undoes = group.slice(0, index).reverse().find((earlier) => !paired.has(earlier.sha) && isUndoOf(changes.get(later.sha), changes.get(earlier.sha)));
      if (undoes === undefined) return;
      paired.add(undoes.sha);
      paired.add(later.sha);
    });
  }
  return paired;
};

/**
 * Whether `later` adds exactly what `earlier` removed and removes exactly
 * what it added, in every file, and `earlier` changed a line of some length
 * (a blank line or a lone bracket removed here and added back elsewhere is
 * no undo: nextcord's "Fix some spacing" and a later "Update core.py") and
 * more than whitespace.
 */
export const isUndoOf = (later: CommitChange | undefined, earlier: CommitChange | undefined): boolean => {
  if (!later || !earlier || isOversized(later) || isOversized(earlier)) return false;
  if (!hasLongLine(earlier) || isWhitespaceOnly(earlier)) return false;
  return sameLines(later.added, earlier.removed) && sameLines(later.removed, earlier.added);
};

/** Lines this long (normalised) say something; shorter ones (blank, `}`, `end`) recur everywhere. */
const LONG_LINE = 8;

const hasLongLine = (change: CommitChange): boolean =>
  [change.added, change.removed].some((byPath) => [...byPath.values()].some((lines) => [...lines].some((line) => line.length >= LONG_LINE)));

/** A change whose added lines are its removed ones once whitespace is evened out (a re-indent): no pair can be told by lines. */
const isWhitespaceOnly = (change: CommitChange): boolean => sameLines(change.added, change.removed);

const sameLines = (a: ReadonlyMap<string, ReadonlySet<string>>, b: ReadonlyMap<string, ReadonlySet<string>>): boolean => {
  const paths = new Set([...a.keys(), ...b.keys()]);
  for (const path of paths) {
    const left = a.get(path) ?? new Set<string>();
    const right = b.get(path) ?? new Set<string>();
    if (left.size !== right.size || [...left].some((line) => !right.has(line))) return false;
  }
  return true;
};
