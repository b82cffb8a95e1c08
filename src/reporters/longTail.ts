import type { CategoryId, Finding } from '../model.js';
import { MIN_COLLAPSED_TEST_ROWS, lockfileRows, upstreamTestRows } from './findingsView.js';

/** Rows a category's findings leave to a block collapsed under them, and what the block's summary says. */
export interface LongTail {
  rows: ReadonlySet<Finding>;
  summary: string;
}

const listed = (names: readonly string[]): string => (names.length > 3 ? `${names.slice(0, 3).join(', ')}, …` : names.join(', '));

/**
 * A category's long tail, which the markdown and HTML reports collapse under
 * the rows a maintainer acts on: lockfile rows under the manifests'
 * (vendored-deps), busy files' upstream-added tests (removed-tests).
 */
function longTailOf(category: CategoryId, inCategory: readonly Finding[]): LongTail | null {
  if (category === 'vendored-deps') {
    const { rows, transitive } = lockfileRows(inCategory);
    const lockfiles = [...new Set([...rows].map((finding) => finding.path))].sort();
    return rows.size === 0 ? null : { rows, summary: `${rows.size} lockfile entries (${listed(lockfiles)}); ${transitive} for dependencies not in the table above` };
  }
  if (category === 'removed-tests') {
    const { rows, perFile } = upstreamTestRows(inCategory);
    if (rows.length === 0) return null;
    const busiest = [...perFile].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([path, count]) => `${path} (${count})`);
    return { rows: new Set(rows), summary: `${rows.length} tests upstream added that the fork lacks, in ${perFile.size} ${perFile.size === 1 ? 'file' : 'files'} with ${MIN_COLLAPSED_TEST_ROWS} or more each: ${listed(busiest)}` };
  }
  return null;
}

/** A category's findings: the rows a maintainer acts on, in report order, and its long tail, if it has one. */
export function splitLongTail(category: CategoryId, findings: readonly Finding[]): { shown: Finding[]; tail: LongTail | null } {
  const inCategory = findings.filter((finding) => finding.category === category);
  const tail = longTailOf(category, inCategory);
  return { shown: tail ? inCategory.filter((finding) => !tail.rows.has(finding)) : inCategory, tail };
}
