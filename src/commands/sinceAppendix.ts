import type { SinceComparison } from '../check/since.js';
import { renderSinceMarkdown, renderSinceText } from '../check/sinceRender.js';
import type { CategoryId, Report } from '../model.js';
import type { ReporterOptions } from '../reporters/options.js';

/**
 * `--since PREVIOUS.json`: per report, what drift is new and what was resolved
 * since then (null when the file has no report for its refs). With `-c`, the
 * previous findings are narrowed to the same categories, or every finding of
 * another category would read as resolved.
 */
export async function sinceComparisons(
  path: string,
  reports: readonly Report[],
  categories: readonly CategoryId[] | null,
): Promise<(SinceComparison | null)[]> {
  const { compareSince, loadPreviousReports, previousFor } = await import('../check/since.js'); // zod loads only with --since
  const previous = await loadPreviousReports(path);
  return reports.map((report) => {
    const earlier = previousFor(report, previous);
    if (!earlier) return null;
    const findings = categories === null ? earlier.findings : earlier.findings.filter((finding) => categories.includes(finding.category));
    return compareSince({ ...earlier, findings }, report);
  });
}

/** The comparisons as a section after each report, in the table and markdown formats. */
export function sinceAppendix(comparisons: readonly (SinceComparison | null)[]): NonNullable<ReporterOptions['appendix']> {
  return (index, format) => {
    const comparison = comparisons[index];
    if (!comparison) return format === 'markdown' ? '## Since the previous report\n\nNo previous report for this ref.' : 'No previous report for this ref.';
    return format === 'markdown' ? renderSinceMarkdown(comparison) : renderSinceText(comparison);
  };
}
