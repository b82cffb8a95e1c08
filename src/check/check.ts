import type { CategoryId, Finding, Report } from '../model.js';
import type { Baseline, BaselineEntry } from './baseline.js';
import type { Config } from './configSchema.js';
import { describeRule, matchRules, ruleSelectors } from './expectations.js';
import { compareFindings } from '../findingOrder.js';

/** A finding neither a rule nor the baseline covers, with the report it came from. */
export interface UnexpectedFinding extends Finding {
  /** Index into the `reports` given to `checkReports`. */
  reportIndex: number;
  /** The fork ref of that report (e.g. `v0.11`), or null when unknown (diff-file mode). */
  ref: string | null;
}

export interface CheckResult {
  unexpected: UnexpectedFinding[];
  /** Findings covered by an `expect` rule. */
  expectedByRule: number;
  /** Findings covered only by the baseline. */
  expectedByBaseline: number;
  /** Rules and baseline entries that no longer match anything. */
  warnings: string[];
}

const refOf = (report: Report): string | null => report.fork?.ref ?? report.upstream?.ref ?? null;

// Stable listing: by report, then category in the spec's order, then path.
const compareUnexpected = (a: UnexpectedFinding, b: UnexpectedFinding): number =>
  a.reportIndex - b.reportIndex || compareFindings(a, b);

/**
 * Which findings of these reports are expected (by rule, then baseline) and
 * which are not. With `categories` (`--check -c`), the reports hold only those
 * categories, so rules and baseline entries of other categories are not stale.
 */
export function checkReports(
  reports: readonly Report[],
  config: Config,
  baseline: Baseline | null,
  categories: readonly CategoryId[] | null = null,
): CheckResult {
  const isInScope = (category: CategoryId): boolean => categories === null || categories.includes(category);
  const allFindings = reports.flatMap((report) => report.findings);
  const { covered, unusedRules } = matchRules(allFindings, config.expect);
  const accepted = new Set(baseline?.accepted.map((entry) => entry.fingerprint) ?? []);
  const result: CheckResult = { unexpected: [], expectedByRule: 0, expectedByBaseline: 0, warnings: [] };

  reports.forEach((report, reportIndex) => {
    for (const finding of report.findings) {
      if (covered.has(finding.fingerprint)) result.expectedByRule += 1;
      else if (accepted.has(finding.fingerprint)) result.expectedByBaseline += 1;
      else result.unexpected.push({ ...finding, reportIndex, ref: refOf(report) });
    }
  });
  result.unexpected.sort(compareUnexpected);

  for (const index of unusedRules) {
    const rule = config.expect[index];
    if (!rule || !isInScope(rule.category)) continue;
    result.warnings.push(
      `rule expect[${index}] (${describeRule(rule)}) matched nothing: remove it or fix its ${ruleSelectors(rule).join(', ')}`,
    );
  }
  const present = new Set(allFindings.map((finding) => finding.fingerprint));
  for (const entry of baseline?.accepted ?? []) {
    if (!present.has(entry.fingerprint) && isInScope(entry.category)) result.warnings.push(staleEntryWarning(entry));
  }
  return result;
}

const staleEntryWarning = (entry: BaselineEntry): string =>
  `baseline entry ${entry.fingerprint} (${entry.category} ${entry.path}: ${entry.message}) no longer matches: run \`forkdiff baseline\` to refresh`;

/** 1 only when gating (`--check`) and something unexpected drifted; warnings never fail the gate. */
export function exitCode(result: CheckResult | null, isCheck: boolean): 0 | 1 {
  return isCheck && result !== null && result.unexpected.length > 0 ? 1 : 0;
}
