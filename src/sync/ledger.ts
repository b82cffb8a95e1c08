import type { CarryEntry, CarryStatus } from '../model.js';
import { revertTargets } from '../git/revertTargets.js';
import { readConventions } from './conventions.js';

/** A fork commit with what history says about it; the ledger decides its status from these. */
export interface ForkCommitFacts {
  sha: string;
  subject: string;
  body: string;
  files: string[];
  /** Fork tip lines it still wrote. */
  live: number;
  /** Base lines it removed that are still gone. */
  removed: number;
  /** Files it renamed that the fork tip still has under the new name. */
  renamed: number;
  /** Files (binary or empty ones have no lines) the fork tip has as it left them, or lacks as it deleted them from the merge base's (keptFiles.ts). */
  kept: number;
  /** Upstream has a commit of the same patch-id (git log --cherry-mark said `=`). */
  isPatchUpstream: boolean;
  /** Every telling line it added is in upstream's tip (ported by upstream, or taken from it). */
  isLinesUpstream: boolean;
}

export interface LedgerContext {
  /** Commits reachable from upstream's tip (for `cherry picked from` trailers). */
  isUpstreamCommit(sha: string): boolean;
  /** Has upstream merged this pull request (`#1234`)? */
  isMergedUpstream(ref: string): boolean;
  /** Does a commit of upstream's history carry this Gerrit Change-Id (the same change, merged there, before the merge base too)? */
  isUpstreamChange?(changeId: string): boolean;
  /** Fork commits that exactly undo an earlier one, and those they undo, without a `Revert` subject (see undoPairs.ts). */
  undone?: ReadonlySet<string>;
}

/** `This reverts commit <sha>` and `Revert "<subject>"`: the fork commits that undo others, and those they undo. */
const revertPairs = (commits: readonly ForkCommitFacts[]): Set<string> =>
  new Set([...revertTargets(commits)].flat());

/**
 * The fork's own commits as a ledger:
 * - `reverted`: undone, or undoing, within the fork (by a `Revert` commit,
 *   or by one that exactly undoes its lines);
 * - `superseded`: upstream has the same change (by patch-id, by lines, as
 *   the upstream commit it was cherry-picked from, or under its Gerrit
 *   Change-Id);
 * - `carried`: the fork tip still has lines it wrote, still lacks lines it
 *   removed, keeps a rename it made, or has a file as it left it;
 * - else `dropped`: later commits replaced all it did.
 */
export const buildLedger = (commits: readonly ForkCommitFacts[], context: LedgerContext): CarryEntry[] => {
  const reverted = new Set([...revertPairs(commits), ...(context.undone ?? [])]);
  return commits.map((commit) => {
    const { tag, upstreamRef, cherryPickedFrom, changeId } = readConventions(commit.subject, commit.body);
    // Picked from upstream when any hop of the backport is upstream's; a Gerrit change upstream merged is its own.
    const isPickedFromUpstream = cherryPickedFrom.some((sha) => context.isUpstreamCommit(sha));
    const isChangeUpstream = changeId !== null && context.isUpstreamChange?.(changeId) === true;
    const status: CarryStatus = reverted.has(commit.sha)
      ? 'reverted'
      : commit.isPatchUpstream || commit.isLinesUpstream || isPickedFromUpstream || isChangeUpstream
        ? 'superseded'
        : commit.live > 0 || commit.removed > 0 || commit.renamed > 0 || commit.kept > 0
          ? 'carried'
          : 'dropped';
    return {
      sha: commit.sha,
      subject: commit.subject,
      status,
      tag,
      upstreamRef: upstreamRef ?? (isPickedFromUpstream ? null : (cherryPickedFrom[0] ?? null)),
      isUpstreamMerged: upstreamRef !== null && context.isMergedUpstream(upstreamRef),
      files: [...commit.files].sort(),
      liveLines: commit.live,
      removedLines: commit.removed,
      renamedPaths: commit.renamed,
      keptFiles: commit.kept,
      categories: [],
    };
  });
};
