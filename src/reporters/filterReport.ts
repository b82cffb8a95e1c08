import { summarise, totals } from '../audit/summary.js';
import type { CategoryId, Report } from '../model.js';

/**
 * `--category`: the report restricted to some categories, in every format:
 * their files (with only their hunks), their findings, and their summary.
 */
export function filterReport(report: Report, categories: readonly CategoryId[] | null): Report {
  if (categories === null) return report;
  const isWanted = (ids: readonly CategoryId[]): boolean => ids.some((id) => categories.includes(id));
  const files = report.files
    .filter((file) => isWanted(file.categories))
    .map((file) => ({
      ...file,
      categories: file.categories.filter((id) => categories.includes(id)),
      hunks: file.hunks.filter((hunk) => isWanted(hunk.categories)),
    }));
  const findings = report.findings.filter((finding) => categories.includes(finding.category));
  return {
    ...report,
    files,
    findings,
    summary: summarise(files, findings, report.summary.some((row) => row.bySide !== null)),
    totals: totals(files),
  };
}
