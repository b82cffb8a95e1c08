import type { History } from '../git/history.js';
import { normaliseLine } from '../text/normaliseLine.js';
import { readGitPatch } from './patchReader.js';
import type { PatchFile } from './patchReader.js';

/** Commits past this many changed lines are not checked line by line: a hand-ported change is small. */
export const MAX_CHANGED_LINES = 2_000;

/** One commit's added and removed lines per path, normalised; `size` stops counting past MAX_CHANGED_LINES. */
export interface CommitChange {
  added: Map<string, Set<string>>;
  removed: Map<string, Set<string>>;
  size: number;
}

export const emptyChange = (): CommitChange => ({ added: new Map(), removed: new Map(), size: 0 });

/**
 * Whether a commit may be within the cap, by the files it touched (`filesOf`,
 * where known): one that touched more files than MAX_CHANGED_LINES changed
 * more lines than that too, so its patch need not be read.
 */
export const mayBeWithinCap = (filesOf: ReadonlyMap<string, readonly string[]>, sha: string): boolean => (filesOf.get(sha)?.length ?? 0) <= MAX_CHANGED_LINES;

/** Whether a change is past the cap, so no more of its lines are worth decoding. */
export const isOversized = (change: CommitChange): boolean => change.size > MAX_CHANGED_LINES;

/** Adds one `-` or `+` line of a zero-context patch to its commit's change (up to one past the cap). */
export const addChangedLine = (change: CommitChange, type: '-' | '+', text: string, file: PatchFile): void => {
  if (isOversized(change)) return;
  change.size += 1;
  const path = type === '+' ? file.newPath : file.oldPath;
  if (path === null) return;
  const into = type === '+' ? change.added : change.removed;
  const lines = into.get(path) ?? new Set<string>();
  into.set(path, lines.add(normaliseLine(text)));
};

/** Known changes by commit id: a line log that read a commit's whole patch can answer for it (see lineHistory.ts). */
export type KnownChanges = (sha: string) => CommitChange | undefined;

/** Each commit's added and removed lines per path, normalised: known ones as they are, the rest from one streamed `git log --no-walk -p`. */
export const readCommitChanges = async (history: History, shas: readonly string[], known: KnownChanges): Promise<Map<string, CommitChange>> => {
  const changes = new Map<string, CommitChange>();
  const unknown: string[] = [];
  for (const sha of shas) {
    const change = known(sha);
    if (change) changes.set(sha, change);
    else unknown.push(sha);
  }
  if (unknown.length === 0) return changes;
  let current = emptyChange();
  await readGitPatch(history.commitPatches(unknown, []), {
    commit: (sha) => {
      current = emptyChange();
      changes.set(sha, current);
    },
    file: () => undefined,
    isLineWanted: () => !isOversized(current),
    line: (type, text, file) => addChangedLine(current, type, text, file),
  });
  return changes;
};
