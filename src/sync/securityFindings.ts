import { shortCommitId } from '../attribution/lineFacts.js';
import { createFinding } from '../classifiers/common/finding.js';
import type { CommitInfo, Finding, PickForecast } from '../model.js';

const HOW_IT_PICKS: Record<PickForecast['result'], string> = {
  clean: 'picks cleanly onto the fork',
  conflict: 'would conflict',
  empty: 'already applied',
};

/**
 * An upstream security fix the fork lacks, as a finding in the `sync`
 * category: it leads every report and fails `--check` unless a rule with a
 * reason accepts it. Its fingerprint is its advisory ids and subject, so it
 * survives a re-run whatever else moves.
 */
export const securityFindings = (missing: readonly CommitInfo[], picks: readonly PickForecast[], firstFileOf: (sha: string) => string): Finding[] =>
  missing.filter((commit) => commit.security.length > 0).map((commit) => {
    const pick = picks.find((each) => each.sha === commit.sha);
    const ids = commit.security.filter((id) => id !== 'security');
    const named = ids.length > 0 ? ids.join(', ') : 'security fix';
    const conflicts = pick?.result === 'conflict' ? ` in ${pick.conflicts.join(', ')}` : '';
    return createFinding({
      category: 'sync',
      kind: 'missing-security-fix',
      path: firstFileOf(commit.sha),
      message: `fork lacks upstream ${named}: ${commit.subject}${pick ? ` (${HOW_IT_PICKS[pick.result]}${conflicts})` : ''}`,
      identity: [commit.security.join(','), commit.subject],
      side: 'upstream',
      commits: [shortCommitId(commit.sha)],
      confidence: ids.length > 0 ? 'high' : 'medium',
      details: { commit: commit.sha, subject: commit.subject, security: commit.security, pick: pick?.result ?? null },
    });
  });
