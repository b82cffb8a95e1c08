import {
  CATEGORY_IDS, type CategorySummary, type FileDiff, type Finding, type Hunk, type SideCounts,
} from '../model.js';

const emptyCounts = (): SideCounts => ({ files: 0, hunks: 0, additions: 0, deletions: 0 });

const addHunk = (counts: SideCounts, hunk: Hunk): void => {
  counts.hunks += 1;
  counts.additions += hunk.additions;
  counts.deletions += hunk.deletions;
};

/** Per category: files, hunks and lines, split by side when sides are known. */
export function summarise(files: readonly FileDiff[], findings: readonly Finding[], hasSides: boolean): CategorySummary[] {
  return CATEGORY_IDS.map((category) => {
    const total = emptyCounts();
    const bySide = { fork: emptyCounts(), upstream: emptyCounts(), both: emptyCounts() };
    for (const file of files) {
      if (!file.categories.includes(category)) continue;
      total.files += 1;
      if (file.side) bySide[file.side].files += 1;
      for (const hunk of file.hunks) {
        if (!hunk.categories.includes(category)) continue;
        addHunk(total, hunk);
        if (hunk.side) addHunk(bySide[hunk.side], hunk);
      }
    }
    return {
      category,
      ...total,
      findings: findings.filter((finding) => finding.category === category).length,
      bySide: hasSides ? bySide : null,
    };
  });
}

export function totals(files: readonly FileDiff[]): SideCounts {
  const counts = emptyCounts();
  for (const file of files) {
    counts.files += 1;
    for (const hunk of file.hunks) addHunk(counts, hunk);
  }
  return counts;
}
