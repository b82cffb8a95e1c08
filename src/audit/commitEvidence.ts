import { shortCommitId } from '../attribution/lineFacts.js';
import { listedCommits } from '../model.js';
import type { CommitInfo, Commits, Finding } from '../model.js';

/**
 * A finding that names commits (short shas of the lines it was read from)
 * also gets their subjects, so the evidence reads "6bcabf5412b2 fix: nil
 * pointer panic in sbom" and a fix commit, or a fork commit that reverts
 * one, is visible as such. The fingerprint is unchanged: it was made from
 * the drift itself.
 */
export function addCommitEvidence(findings: readonly Finding[], commits: Commits | null): void {
  if (!commits) return;
  // One subject line per commit, shared by every finding naming it. A merge (a conflict's resolution) is named
  // by its subject too, but never counts as a fix: "Merge branch 'fix-…'" says where the branch came from.
  const line = (commit: CommitInfo, isMerge: boolean) => ({ commit, isMerge, line: `${shortCommitId(commit.sha)} ${commit.subject}` });
  const byShortId = new Map([
    ...commits.merges.map((commit) => [shortCommitId(commit.sha), line(commit, true)] as const),
    ...listedCommits(commits).map((commit) => [shortCommitId(commit.sha), line(commit, false)] as const),
  ]);
  for (const finding of findings) {
    const linked = finding.commits.map((sha) => byShortId.get(shortCommitId(sha))).filter((each) => each !== undefined);
    if (linked.length === 0) continue;
    finding.details.commitSubjects = linked.map((each) => each.line);
    finding.details.isFixCommit = linked.some((each) => !each.isMerge && each.commit.isFix);
  }
}
