import { shortCommitId } from '../attribution/lineFacts.js';
import { listedCommits } from '../model.js';
import type { Commits, Finding } from '../model.js';

/**
 * A finding that names commits (short shas of the lines it was read from)
 * also gets their subjects, so the evidence reads "6bcabf5412b2 fix: nil
 * pointer panic in sbom" and a fix commit, or a fork commit that reverts
 * one, is visible as such. The fingerprint is unchanged: it was made from
 * the drift itself.
 */
export function addCommitEvidence(findings: readonly Finding[], commits: Commits | null): void {
  if (!commits) return;
  const known = listedCommits(commits);
  // One subject line per commit, shared by every finding naming it.
  const byShortId = new Map(known.map((commit) => [shortCommitId(commit.sha), { commit, line: `${shortCommitId(commit.sha)} ${commit.subject}` }]));
  for (const finding of findings) {
    const linked = finding.commits.map((sha) => byShortId.get(shortCommitId(sha))).filter((each) => each !== undefined);
    if (linked.length === 0) continue;
    finding.details.commitSubjects = linked.map((each) => each.line);
    finding.details.isFixCommit = linked.some((each) => each.commit.isFix);
  }
}
