import type { CategoryId, Finding, Report } from '../model.js';
import type { Baseline, BaselineEntry } from './baseline.js';
import type { Config } from './configSchema.js';
import { describeRule, matchRules, ruleSelectors } from './expectations.js';
import { compareFindings } from '../findingOrder.js';
import { plural } from '../text/plural.js';

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

  const unused = unusedRules.flatMap((index) => {
    const rule = config.expect[index];
    return rule && isInScope(rule.category) ? [{ index, rule }] : [];
  });
  result.warnings.push(
    ...capped(
      unused,
      ({ index, rule }) => `rule expect[${index}] (${describeRule(rule)}) matched nothing: remove it or fix its ${ruleSelectors(rule).join(', ')}`,
      (more) => `… and ${plural(more, 'more rule')} that matched nothing`,
    ),
  );
  const present = new Set(allFindings.map((finding) => finding.fingerprint));
  const stale = (baseline?.accepted ?? []).filter((entry) => !present.has(entry.fingerprint) && isInScope(entry.category));
  result.warnings.push(...capped(stale, staleEntryWarning, (more) => `… and ${more} more baseline entries no longer match: run \`forkdiff baseline\` to refresh`));
  return result;
}

/**
 * Warnings of one kind past this many are summed up in one line with their
 * count: a stale 100 MB baseline printed 643,000 of them, once per entry.
 */
export const MAX_WARNINGS_PER_KIND = 20;

function capped<Item>(items: readonly Item[], describe: (item: Item) => string, more: (count: number) => string): string[] {
  const shown = items.slice(0, MAX_WARNINGS_PER_KIND).map(describe);
  return items.length > MAX_WARNINGS_PER_KIND ? [...shown, more(items.length - MAX_WARNINGS_PER_KIND)] : shown;
}

const staleEntryWarning = (entry: BaselineEntry): string =>
  `baseline entry ${entry.fingerprint} (${entry.category} ${entry.path}: ${entry.message}) no longer matches: run \`forkdiff baseline\` to refresh`;

/** 1 only when gating (`--check`) and something unexpected drifted; warnings never fail the gate. */
export function exitCode(result: CheckResult | null, isCheck: boolean): 0 | 1 {
  return isCheck && result !== null && result.unexpected.length > 0 ? 1 : 0;
}
