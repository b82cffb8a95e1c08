import type { SinceComparison } from '../check/since.js';
import {
  CATEGORY_IDS, type CarryStatus, type CategoryId, type CommitInfo, type PickResult, type Report, type Side,
} from '../model.js';

/**
 * The answer to "what do we carry, what do we lack that matters, what would
 * catching up cost", computed once from the model and rendered first by every
 * format (the JSON report's `headline`). Pure: it reads the report, never git.
 */
export interface Headline {
  /** False for a saved diff or without a merge base: then every count sits in `unknown`. */
  hasSides: boolean;
  /** The fork's own changes (side `fork`) and its own commits. */
  carries: SideTally & { forkOnlyCommits: number | null };
  /** Upstream changes the fork has not taken (side `upstream`) and the commits behind them. */
  lacks: SideTally & {
    missingCommits: number | null;
    /** Missing commits whose subject reads as a fix. */
    fixes: number | null;
    /** Upstream commits the fork already has under another sha. */
    applied: number | null;
    /** Missing commits that name an advisory id (CVE, GHSA, GO-, RUSTSEC-, PYSEC-), or say security: they lead the report. */
    security: SecurityFix[];
  };
  /** Lines both sides moved (side `both`). */
  both: SideTally;
  /** Side unknown (`null`): without a merge base (a saved diff has none), nothing tells the sides apart. */
  unknown: SideTally;
  sync: SyncHeadline | null;
  since: SinceHeadline | null;
}

export interface SideTally {
  files: number;
  hunks: number;
  additions: number;
  deletions: number;
  /** Findings of this side, by category (every category present, zero or not). */
  findings: Record<CategoryId, number>;
}

export interface SecurityFix {
  sha: string;
  subject: string;
  ids: string[];
  /** What cherry-picking it alone onto the fork would do, when the sync plan is known. */
  pick: PickResult | null;
  /** For another commit of the same fix (its finding names both): the sha of the fix's first commit. */
  sameFixAs: string | null;
}

export interface SyncHeadline {
  isMergeClean: boolean;
  mergeConflicts: number;
  picks: Record<PickResult, number>;
  unforecastPicks: number;
  carries: Record<CarryStatus, number>;
  /** Carries whose upstream pull request has merged: they can go on the next rebase. */
  droppableCarries: number;
}

/** What changed since the report given to `--since`. */
export interface SinceHeadline {
  newFindings: number;
  resolvedFindings: number;
  unchanged: number;
  /** Null when either report has no commit lists (a saved diff). */
  missingCommits: SinceComparison['missingCommits'];
}

/** What a headline needs from a report: `trend` builds it from older JSON reports too. */
export type HeadlineInput = Pick<Report, 'mode' | 'mergeBase' | 'files' | 'findings' | 'commits' | 'sync' | 'totals'> & Partial<Pick<Report, 'totalsBySide'>>;

const emptyTally = (): SideTally => ({
  files: 0, hunks: 0, additions: 0, deletions: 0,
  findings: Object.fromEntries(CATEGORY_IDS.map((id) => [id, 0])) as Record<CategoryId, number>,
});

const tallyOf = (tallies: Record<'fork' | 'upstream' | 'both' | 'unknown', SideTally>, side: Side): SideTally =>
  tallies[side ?? 'unknown'];

export function headline(report: HeadlineInput, since: SinceHeadline | null = null): Headline {
  const hasSides = report.mode === 'git' && report.mergeBase !== null;
  const tallies = { fork: emptyTally(), upstream: emptyTally(), both: emptyTally(), unknown: emptyTally() };
  // Without history a side is never trusted, whatever a file or finding says.
  const sideOf = (side: Side): Side => (hasSides ? side : null);
  for (const file of report.files) tallyOf(tallies, sideOf(file.side)).files += 1;
  if (hasSides && report.totalsBySide) {
    // Counted when the report was built: on a huge fork the hunks wait on disk.
    for (const side of ['fork', 'upstream', 'both'] as const) {
      const { hunks, additions, deletions } = report.totalsBySide[side];
      Object.assign(tallies[side], { hunks, additions, deletions });
    }
  } else if (hasSides) {
    // One pass over the hunks: on a huge fork they are read back from disk on every access.
    for (const file of report.files) {
      for (const hunk of file.hunks) {
        const tally = tallyOf(tallies, hunk.side);
        tally.hunks += 1;
        tally.additions += hunk.additions;
        tally.deletions += hunk.deletions;
      }
    }
  } else {
    Object.assign(tallies.unknown, { hunks: report.totals.hunks, additions: report.totals.additions, deletions: report.totals.deletions });
  }
  for (const finding of report.findings) tallyOf(tallies, sideOf(finding.side)).findings[finding.category] += 1;
  const { commits, sync } = report;
  const picks = new Map((sync?.picks ?? []).map((pick) => [pick.sha, pick.result]));
  const leads = sameFixLeads(sync);
  return {
    hasSides,
    carries: { ...tallies.fork, forkOnlyCommits: commits ? commits.forkOnly.length : null },
    lacks: {
      ...tallies.upstream,
      missingCommits: commits ? commits.missingFromFork.length : null,
      fixes: commits ? commits.missingFromFork.filter((commit) => commit.isFix).length : null,
      applied: commits ? commits.applied.length : null,
      security: (commits?.missingFromFork ?? []).filter((commit) => commit.security.length > 0).map((commit) => securityFix(commit, picks, leads)),
    },
    both: tallies.both,
    unknown: tallies.unknown,
    sync: sync ? syncHeadline(sync) : null,
    since,
  };
}

const securityFix = (commit: CommitInfo, picks: ReadonlyMap<string, PickResult>, leads: ReadonlyMap<string, string>): SecurityFix => ({
  sha: commit.sha,
  subject: commit.subject,
  ids: commit.security,
  pick: picks.get(commit.sha) ?? null,
  sameFixAs: leads.get(commit.sha) ?? null,
});

/** Each other commit of a security fix → the fix's first commit (the sync plan's `securityFixes`, which no category filter drops). */
const sameFixLeads = (sync: Report['sync']): Map<string, string> => {
  const leads = new Map<string, string>();
  for (const [first, ...others] of sync?.securityFixes ?? []) {
    if (first !== undefined) for (const sha of others) leads.set(sha, first);
  }
  return leads;
};

function syncHeadline(sync: NonNullable<Report['sync']>): SyncHeadline {
  const picks: Record<PickResult, number> = { clean: 0, conflict: 0, empty: 0 };
  for (const pick of sync.picks) picks[pick.result] += 1;
  const carries: Record<CarryStatus, number> = { carried: 0, superseded: 0, reverted: 0, dropped: 0 };
  for (const carry of sync.carries) carries[carry.status] += 1;
  return {
    isMergeClean: sync.merge.clean,
    mergeConflicts: sync.merge.conflicts.length,
    picks,
    unforecastPicks: sync.unforecastPicks,
    carries,
    droppableCarries: sync.carries.filter((carry) => carry.isUpstreamMerged && carry.status === 'carried').length,
  };
}

/** `--since`'s comparison as the headline's counts. */
export const sinceHeadline = (comparison: SinceComparison): SinceHeadline => ({
  newFindings: comparison.newFindings.length,
  resolvedFindings: comparison.resolvedFindings.length,
  unchanged: comparison.unchanged,
  missingCommits: comparison.missingCommits,
});
