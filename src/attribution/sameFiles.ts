// Which files the fork has exactly as upstream's tip has them, for the
// applied check (applied.ts, attributeFiles.ts).
import type { History } from '../git/history.js';
import type { ForkRenames } from './renames.js';

export interface SameFiles {
  /** Whether the fork has `path` (as upstream names it, or under a name the fork gave it) exactly as upstream's tip has it. */
  isSame(path: string): boolean;
  /** Of the commits asked about, those every file of which is the same: nothing of them is left for the fork to take. */
  commits: Set<string>;
}

/**
 * Upstream's tip and the fork's compared entry by entry (mode and blob; one
 * `git diff --raw`), over every path the commits touched. A commit whose
 * every file the fork has as upstream's tip has it is in the fork in the
 * only sense left: upstream went on from it (bumped the same lock file
 * again, rewrote its lines) and the fork took that too. evil-helix squashes
 * each helix release into its line: most of the helix commits it seemed to
 * lack touched only such files, Cargo.lock bumps among them.
 */
export const findSameFiles = async (
  history: History, ownTip: string, otherTip: string, commits: readonly string[], filesOf: ReadonlyMap<string, readonly string[]>, renames: ForkRenames,
): Promise<SameFiles> => {
  const paths = [...new Set(commits.flatMap((sha) => filesOf.get(sha) ?? []))];
  const [differing, ids] = await Promise.all([history.differingEntries(ownTip, otherTip), history.blobIds(paths.map((path) => `${ownTip}:${path}`))]);
  // A path upstream's tip lacks is no evidence: deleted on both sides, or moved since to where the fork may differ (LXD's `lxd/` files, in incus).
  const atOwnTip = new Set(paths.filter((_, index) => ids[index] !== null));
  const isSame = (path: string): boolean => {
    if (!atOwnTip.has(path)) return false;
    const entry = differing.get(path);
    if (!entry) return true;
    // Renamed in the fork: the file under a fork name that upstream's tip lacks is upstream's file as it is.
    return entry.from !== null && renames.pathsFor(path).some((name) => name !== path && differing.get(name)?.to === entry.from);
  };
  const same = commits.filter((sha) => {
    const files = filesOf.get(sha) ?? [];
    return files.length > 0 && files.every(isSame);
  });
  return { isSame, commits: new Set(same) };
};
