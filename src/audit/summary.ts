import {
  CATEGORY_IDS, type CategoryId, type CategorySummary, type FileDiff, type Finding, type Hunk, type SideCounts,
} from '../model.js';

const emptyCounts = (): SideCounts => ({ files: 0, hunks: 0, additions: 0, deletions: 0 });
const emptySides = (): Record<'fork' | 'upstream' | 'both', SideCounts> => ({ fork: emptyCounts(), upstream: emptyCounts(), both: emptyCounts() });

const addHunk = (counts: SideCounts, hunk: Hunk): void => {
  counts.hunks += 1;
  counts.additions += hunk.additions;
  counts.deletions += hunk.deletions;
};

/** Counts per category, in total and by side, and the distinct totals, fed one file at a time. */
export interface SummaryAccumulator {
  add(file: FileDiff): void;
  summary(findings: readonly Finding[], hasSides: boolean): CategorySummary[];
  totals(): SideCounts;
  totalsBySide(hasSides: boolean): Record<'fork' | 'upstream' | 'both', SideCounts> | null;
}

/**
 * Per category: files, hunks and lines, split by side when sides are known.
 * Counted as each file goes by, while its hunks are still in memory: on a
 * huge fork the report's hunks wait on disk, and walking them once per
 * category (and again for totals) read each file back seven times.
 */
export function createSummaryAccumulator(): SummaryAccumulator {
  const rows = new Map<CategoryId, { total: SideCounts; bySide: ReturnType<typeof emptySides> }>(
    CATEGORY_IDS.map((category) => [category, { total: emptyCounts(), bySide: emptySides() }]),
  );
  const all = emptyCounts();
  const allBySide = emptySides();
  return {
    add(file) {
      all.files += 1;
      if (file.side) allBySide[file.side].files += 1;
      for (const category of file.categories) {
        const row = rows.get(category);
        if (!row) continue;
        row.total.files += 1;
        if (file.side) row.bySide[file.side].files += 1;
      }
      for (const hunk of file.hunks) {
        addHunk(all, hunk);
        if (hunk.side) addHunk(allBySide[hunk.side], hunk);
        for (const category of hunk.categories) {
          const row = rows.get(category);
          if (!row || !file.categories.includes(category)) continue;
          addHunk(row.total, hunk);
          if (hunk.side) addHunk(row.bySide[hunk.side], hunk);
        }
      }
    },
    summary(findings, hasSides) {
      const findingCounts = new Map<CategoryId, number>();
      for (const finding of findings) findingCounts.set(finding.category, (findingCounts.get(finding.category) ?? 0) + 1);
      return CATEGORY_IDS.map((category) => {
        const row = rows.get(category) ?? { total: emptyCounts(), bySide: emptySides() };
        return { category, ...row.total, findings: findingCounts.get(category) ?? 0, bySide: hasSides ? row.bySide : null };
      });
    },
    totals: () => ({ ...all }),
    totalsBySide: (hasSides) => (hasSides ? allBySide : null),
  };
}

/** The same counts for files already in a report (e.g. restricted by `--category`): one pass over them. */
export function summarise(files: readonly FileDiff[], findings: readonly Finding[], hasSides: boolean): CategorySummary[] {
  const accumulator = createSummaryAccumulator();
  for (const file of files) accumulator.add(file);
  return accumulator.summary(findings, hasSides);
}

export function totals(files: readonly FileDiff[]): SideCounts {
  const counts = emptyCounts();
  for (const file of files) {
    counts.files += 1;
    for (const hunk of file.hunks) addHunk(counts, hunk);
  }
  return counts;
}
