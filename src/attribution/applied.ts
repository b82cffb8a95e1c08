import type { History } from '../git/history.js';
import type { AppliedCommit, CommitInfo } from '../model.js';
import { normaliseLine } from '../text/normaliseLine.js';
import { isOversized, MAX_CHANGED_LINES, readCommitChanges } from './commitChanges.js';
import type { CommitChange, KnownChanges } from './commitChanges.js';
import type { ForkRenames } from './renames.js';

/** A line worth looking for: not blank, not a lone bracket or keyword, long enough not to be everywhere. */
const isTelling = (line: string): boolean => line.length >= 8 && !/^(?:[{}()[\];,]+|\/\/.*|#.*|\/?\*.*|else|return;?|break;?|continue;?)$/.test(line);

/** Which fork commit wrote line `line` of `path` at the fork's tip; null when unknown. */
export type ForkWriters = (path: string, line: number) => string[];

/**
 * Upstream commits whose patch-id the fork lacks but whose change it has: a
 * fix ported by hand, rebased with conflicts, or applied under the fork's
 * renamed paths and identifiers. A commit counts as applied when every telling
 * line it added is in the fork's version of the file (after the fork's
 * renames), and none of the telling lines it removed still is. The fork commit
 * that wrote those lines is named when the fork's history says.
 *
 * A commit that touched more files than MAX_CHANGED_LINES has more changed
 * lines than that too (renames aside), so its patch is not even read:
 * `filesOf` says which files each commit touched, where known. On a
 * pair of huge commits, their patches were a third of the run. Patches the
 * side's line history already read whole (`known`) are not read again.
 */
export const findAppliedByLines = async (
  history: History,
  forkTip: string,
  missing: readonly CommitInfo[],
  renames: ForkRenames,
  writers: ForkWriters,
  filesOf: ReadonlyMap<string, readonly string[]> = new Map(),
  known: KnownChanges = () => undefined,
): Promise<AppliedCommit[]> => {
  const checked = missing.filter((commit) => (filesOf.get(commit.sha)?.length ?? 0) <= MAX_CHANGED_LINES);
  if (checked.length === 0) return [];
  const changes = await readCommitChanges(history, checked.map((commit) => commit.sha), known);
  // Every fork path any change could live at, with the lines looked for there, read in one batch.
  const wanted = wantedLines(changes.values(), renames);
  const paths = [...wanted.keys()];
  const blobs = await history.blobs(paths.map((path) => `${forkTip}:${path}`));
  // Per path, where each wanted line first is: a fork file is scanned once, and only wanted lines are kept.
  const forkFiles = new Map<string, Map<string, number>>();
  paths.forEach((path, index) => {
    const blob = blobs[index];
    const keys = wanted.get(path);
    if (!blob || !keys) return;
    const lines = new Map<string, number>();
    blob.toString('utf8').split('\n').forEach((text, at) => {
      const key = normaliseLine(text);
      if (keys.has(key) && !lines.has(key)) lines.set(key, at + 1);
    });
    forkFiles.set(path, lines);
  });
  const applied: AppliedCommit[] = [];
  for (const commit of checked) {
    const change = changes.get(commit.sha);
    if (!change || isOversized(change)) continue;
    const found = carriedLines(change, renames, forkFiles);
    if (found === null) continue;
    const owners = new Map<string, number>();
    for (const { path, line } of found) for (const sha of writers(path, line)) owners.set(sha, (owners.get(sha) ?? 0) + 1);
    const forkCommit = [...owners].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    applied.push({ commit, how: 'lines', forkCommit });
  }
  return applied;
};

/** The lines `carriedLines` may look up, per fork path: each telling line as written and as the fork would name it. */
const wantedLines = (changes: Iterable<CommitChange>, renames: ForkRenames): Map<string, Set<string>> => {
  const wanted = new Map<string, Set<string>>();
  const want = (path: string, lines: Iterable<string>): void => {
    for (const candidate of renames.pathsFor(path)) {
      const keys = wanted.get(candidate) ?? new Set<string>();
      wanted.set(candidate, keys);
      for (const line of lines) keys.add(line).add(normaliseLine(renames.translate(line)));
    }
  };
  for (const change of changes) {
    for (const [path, lines] of change.added) want(path, [...lines].filter(isTelling));
    for (const [path, lines] of change.removed) want(path, [...lines].filter(isTelling));
  }
  return wanted;
};

/** Where in the fork each telling added line sits; null when a line is missing or a removed line remains. */
const carriedLines = (change: CommitChange, renames: ForkRenames, forkFiles: ReadonlyMap<string, ReadonlyMap<string, number>>): { path: string; line: number }[] | null => {
  const found: { path: string; line: number }[] = [];
  for (const [path, lines] of change.added) {
    const telling = [...lines].filter(isTelling);
    if (telling.length === 0) continue;
    // The first of the fork's candidate paths that has every line, translated.
    const match = renames.pathsFor(path).map((candidate) => {
      const file = forkFiles.get(candidate);
      const at = file ? telling.map((line) => file.get(line) ?? file.get(normaliseLine(renames.translate(line)))) : [];
      return { candidate, at };
    }).find(({ at }) => at.length === telling.length && at.every((line) => line !== undefined));
    if (!match) return null;
    for (const line of match.at) if (line !== undefined) found.push({ path: match.candidate, line });
  }
  if (found.length === 0) return null;
  for (const [path, lines] of change.removed) {
    const gone = [...lines].filter((line) => isTelling(line) && !change.added.get(path)?.has(line));
    for (const candidate of renames.pathsFor(path)) {
      const file = forkFiles.get(candidate);
      if (file && gone.some((line) => file.has(line) || file.has(normaliseLine(renames.translate(line))))) return null;
    }
  }
  return found;
};
