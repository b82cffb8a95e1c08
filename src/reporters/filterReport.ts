import { createSummaryAccumulator } from '../audit/summary.js';
import type { CategoryId, FileDiff, Hunk, Report } from '../model.js';

/**
 * A file restricted to some categories. Its hunks are filtered on each
 * access rather than copied: on a huge fork they wait on disk, and `-c` must
 * not load them all into memory at once.
 */
class FilteredFile implements FileDiff {
  path: string; oldPath: string | null; status: FileDiff['status']; isBinary: boolean; oldMode: string | null; newMode: string | null;
  similarity: number | null; additions: number; deletions: number; categories: CategoryId[]; otherKind: FileDiff['otherKind'];
  module: string | null; side: FileDiff['side']; rename: FileDiff['rename'];
  readonly #source: FileDiff;
  readonly #isWanted: (hunk: Hunk) => boolean;

  constructor(source: FileDiff, categories: readonly CategoryId[], isWanted: (hunk: Hunk) => boolean) {
    ({ path: this.path, oldPath: this.oldPath, status: this.status, isBinary: this.isBinary, oldMode: this.oldMode, newMode: this.newMode,
      similarity: this.similarity, additions: this.additions, deletions: this.deletions, otherKind: this.otherKind, module: this.module, side: this.side,
      rename: this.rename } = source);
    this.categories = source.categories.filter((id) => categories.includes(id));
    this.#source = source;
    this.#isWanted = isWanted;
  }

  get hunks(): Hunk[] {
    return this.#source.hunks.filter(this.#isWanted);
  }

  toJSON(): FileDiff {
    return { ...this, hunks: this.hunks };
  }
}

/**
 * `--category`: the report restricted to some categories, in every format:
 * their files (with only their hunks), their findings, and their summary
 * (counted in one pass over the files).
 */
export function filterReport(report: Report, categories: readonly CategoryId[] | null): Report {
  if (categories === null) return report;
  const isWanted = (ids: readonly CategoryId[]): boolean => ids.some((id) => categories.includes(id));
  const hasWantedCategory = (hunk: Hunk): boolean => isWanted(hunk.categories);
  const counts = createSummaryAccumulator();
  const files: FileDiff[] = [];
  for (const source of report.files) {
    if (!isWanted(source.categories)) continue;
    const file = new FilteredFile(source, categories, hasWantedCategory);
    counts.add(file);
    files.push(file);
  }
  const findings = report.findings.filter((finding) => categories.includes(finding.category));
  const hasSides = report.summary.some((row) => row.bySide !== null);
  return { ...report, files, findings, summary: counts.summary(findings, hasSides), totals: counts.totals(), totalsBySide: counts.totalsBySide(hasSides) };
}
