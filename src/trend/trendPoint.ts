import { CATEGORY_IDS, type CategoryId, type Side } from '../model.js';

/** What trend reads from one JSON report: older reports (without headline, sync or line sides) have all of it. */
export interface TrendInput {
  mode: 'git' | 'diff-file';
  mergeBase: string | null;
  upstream: { ref: string } | null;
  fork: { ref: string; sha: string | null } | null;
  files: { side: Side }[];
  findings: { category: CategoryId }[];
  commits: { missingFromFork: { isFix: boolean; security: string[] }[] } | null;
}

/** One report's totals: a point of the drift over time. */
export interface TrendPoint {
  /** The report file's name (and its ref when the file holds several). */
  label: string;
  ref: string | null;
  forkSha: string | null;
  /** Files the fork changed (side fork or both); null without history. */
  carriedFiles: number | null;
  missingCommits: number | null;
  missingFixes: number | null;
  securityFixes: number | null;
  findings: Record<CategoryId, number>;
  totalFindings: number;
}

/** The totals of one report, computed from its model the way the headline counts them. */
export function trendPoint(label: string, report: TrendInput): TrendPoint {
  const hasSides = report.mode === 'git' && report.mergeBase !== null;
  const findings = Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0])) as Record<CategoryId, number>;
  for (const finding of report.findings) findings[finding.category] += 1;
  const missing = report.commits?.missingFromFork ?? null;
  return {
    label,
    ref: report.fork?.ref ?? report.upstream?.ref ?? null,
    forkSha: report.fork?.sha ?? null,
    carriedFiles: hasSides ? report.files.filter((file) => file.side === 'fork' || file.side === 'both').length : null,
    missingCommits: missing ? missing.length : null,
    missingFixes: missing ? missing.filter((commit) => commit.isFix).length : null,
    securityFixes: missing ? missing.filter((commit) => commit.security.length > 0).length : null,
    findings,
    totalFindings: report.findings.length,
  };
}
