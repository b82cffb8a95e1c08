import { type SinceComparison, compareSince, loadPreviousReports, previousFor } from '../check/since.js';
import { renderSinceMarkdown, renderSinceText } from '../check/sinceRender.js';
import type { Report } from '../model.js';
import type { ReporterOptions } from '../reporters/options.js';

/**
 * `--since PREVIOUS.json`: per report, what drift is new and what was
 * resolved since then; the comparisons feed the headline, the appendix
 * lists the findings.
 */
export async function sinceAppendix(
  path: string, reports: readonly Report[],
): Promise<{ comparisons: (SinceComparison | null)[]; appendix: NonNullable<ReporterOptions['appendix']> }> {
  const previous = await loadPreviousReports(path);
  const comparisons = reports.map((report) => {
    const earlier = previousFor(report, previous);
    return earlier ? compareSince(earlier, report) : null;
  });
  const appendix: NonNullable<ReporterOptions['appendix']> = (index, format) => {
    const comparison = comparisons[index];
    if (!comparison) return format === 'markdown' ? '## Since the previous report\n\nNo previous report for this ref.' : 'No previous report for this ref.';
    return format === 'markdown' ? renderSinceMarkdown(comparison) : renderSinceText(comparison);
  };
  return { comparisons, appendix };
}
