import { summarise, totals } from '../../src/audit/summary.js';
import type { CommitInfo, Commits, DiffLine, FileDiff, Finding, Hunk, Report, SyncPlan } from '../../src/model.js';
import { aReport } from '../check/builders.js';

let fingerprints = 0;

const lineTotals = (lines: readonly DiffLine[]): { additions: number; deletions: number } => ({
  additions: lines.filter((line) => line.type === 'add').length,
  deletions: lines.filter((line) => line.type === 'del').length,
});

/** `['-old', '+new', ' same']` → diff lines. */
export const diffLines = (...lines: string[]): DiffLine[] =>
  lines.map((line) => ({ type: line[0] === '+' ? 'add' : line[0] === '-' ? 'del' : 'normal', content: line.slice(1) }));

/** A hunk whose counts follow its lines; fork side, category `other` unless told. */
export function aHunk(overrides: Partial<Hunk> = {}): Hunk {
  const lines = overrides.lines ?? diffLines('-old', '+new');
  fingerprints += 1;
  return {
    header: '@@ -1,1 +1,1 @@', oldStart: 1, oldLines: 1, newStart: 1, newLines: 1,
    ...lineTotals(lines), categories: ['other'], side: 'fork', fingerprint: `hunk-${fingerprints}`,
    commits: [], blocks: [], lines, isTruncated: false, ...overrides,
  };
}

/** A file made of its hunks: counts, categories and (unless told) side follow them. */
export function aFile(path: string, hunks: Hunk[], overrides: Partial<FileDiff> = {}): FileDiff {
  const sides = new Set(hunks.map((hunk) => hunk.side));
  return {
    path, oldPath: null, status: 'modified', isBinary: false, oldMode: null, newMode: null, similarity: null,
    additions: hunks.reduce((sum, hunk) => sum + hunk.additions, 0),
    deletions: hunks.reduce((sum, hunk) => sum + hunk.deletions, 0),
    categories: [...new Set(hunks.flatMap((hunk) => hunk.categories))],
    otherKind: null, module: null,
    side: sides.size === 1 ? (hunks[0]?.side ?? null) : 'both',
    rename: null,
    hunks, ...overrides,
  };
}

export function aCommit(sha: string, subject: string, overrides: Partial<CommitInfo> = {}): CommitInfo {
  return { sha: sha.padEnd(40, '0'), subject, author: 'Someone', date: '2024-05-01T10:00:00Z', isFix: false, security: [], ...overrides };
}

export const noCommits = (overrides: Partial<Commits> = {}): Commits => ({ missingFromFork: [], applied: [], forkOnly: [], reverts: [], merges: [], ...overrides });

export const anEmptySync = (overrides: Partial<SyncPlan> = {}): SyncPlan => ({
  merge: { clean: true, conflicts: [] }, picks: [], carries: [], unforecastPicks: 0, securityFixes: [], ...overrides,
});

/** A git-mode report of these files and findings, with its summary and totals computed as the audit does. */
export function aGitReport(files: FileDiff[], findings: Finding[], extra: Partial<Report> = {}): Report {
  const hasSides = (extra.mode ?? 'git') === 'git' && (extra.mergeBase === undefined || extra.mergeBase !== null);
  return { ...aReport(findings), files, summary: summarise(files, findings, hasSides), totals: totals(files), commits: noCommits(), ...extra };
}
