import { shortCommitId } from '../attribution/lineFacts.js';
import { createFinding } from '../classifiers/common/finding.js';
import type { CommitInfo, Finding, PickForecast } from '../model.js';
import { plural } from '../text/plural.js';

const HOW_IT_PICKS: Record<PickForecast['result'], string> = {
  clean: 'picks cleanly onto the fork',
  conflict: 'would conflict',
  empty: 'already applied',
};

/** How the group's picks would go: `would conflict in a, b`, or per result for a group that splits. */
const picksText = (picks: readonly PickForecast[]): string => {
  const results = [...new Set(picks.map((pick) => pick.result))];
  const conflicts = [...new Set(picks.flatMap((pick) => pick.conflicts))];
  const conflictText = (text: string): string => (conflicts.length > 0 ? `${text} in ${conflicts.join(', ')}` : text);
  if (results.length === 1) return results[0] === 'conflict' ? conflictText(HOW_IT_PICKS.conflict) : HOW_IT_PICKS[results[0] as PickForecast['result']];
  const counts = (['clean', 'conflict', 'empty'] as const).filter((result) => results.includes(result))
    .map((result) => `${picks.filter((pick) => pick.result === result).length} ${result === 'conflict' ? conflictText(HOW_IT_PICKS.conflict) : HOW_IT_PICKS[result]}`);
  return counts.join(', ');
};

/**
 * An upstream security fix the fork lacks, as a finding in the `sync`
 * category: it leads every report and fails `--check` unless a rule with a
 * reason accepts it. Its fingerprint is its advisory ids and subject, so it
 * survives a re-run whatever else moves; the commits of one fix (sameFix.ts:
 * netbox's three `#22675 Validate RSS feed entry link schemes…`) are one
 * finding. Two fixes under one subject touch different files, and a
 * fingerprint holds the path: act's two `Merge commit from fork` differ.
 */
export const securityFindings = (fixes: readonly (readonly CommitInfo[])[], picks: readonly PickForecast[], pathsOf: (sha: string) => readonly string[]): Finding[] =>
  fixes.map((fix) => {
    const [commit, ...more] = fix as [CommitInfo, ...CommitInfo[]];
    const forecast = fix.flatMap((each) => picks.filter((pick) => pick.sha === each.sha));
    const ids = commit.security.filter((id) => id !== 'security');
    const named = ids.length > 0 ? ids.join(', ') : 'security fix';
    const how = forecast.length > 0 ? picksText(forecast) : '';
    const suffix = [...(more.length > 0 ? [plural(fix.length, 'commit')] : []), ...(how ? [how] : [])].join('; ');
    return createFinding({
      category: 'sync',
      kind: 'missing-security-fix',
      path: pathsOf(commit.sha)[0] ?? '',
      message: `fork lacks upstream ${named}: ${commit.subject}${suffix ? ` (${suffix})` : ''}`,
      identity: [commit.security.join(','), commit.subject],
      side: 'upstream',
      // Newest first, as git lists them.
      commits: [...more, commit].map((each) => shortCommitId(each.sha)),
      confidence: ids.length > 0 ? 'high' : 'medium',
      details: {
        commit: commit.sha, subject: commit.subject, security: commit.security, pick: forecast.find((pick) => pick.sha === commit.sha)?.result ?? null,
        ...(more.length > 0 ? { sameFix: more.map((each) => each.sha) } : {}),
      },
    });
  });

