// The sync plan's part of the report model (Report.sync): what catching up
// with upstream would cost, and the fork's own commits as a ledger.
import type { CategoryId } from './model.js';

export type ConflictKind = 'content' | 'modify/delete' | 'add/add' | 'rename' | 'binary' | 'other';

export interface MergeForecast {
  /** True when merging upstream into the fork now would not conflict. */
  clean: boolean;
  conflicts: { path: string; kind: ConflictKind }[];
}

export type PickResult = 'clean' | 'conflict' | 'empty';

/** One missing upstream commit, cherry-picked alone onto the fork tip (in a private object store). */
export interface PickForecast {
  sha: string;
  subject: string;
  result: PickResult;
  /** Paths that would conflict (empty unless `conflict`). */
  conflicts: string[];
  isFix: boolean;
  security: string[];
}

export type CarryStatus = 'carried' | 'superseded' | 'reverted' | 'dropped';
export type CarryTag = 'carry' | 'drop' | 'upstream-pr';

/** One fork-only commit in the carry ledger. */
export interface CarryEntry {
  sha: string;
  subject: string;
  status: CarryStatus;
  /** What the commit message says of itself (`UPSTREAM: <carry>:`, `[CARRY]`, `UBUNTU: SAUCE:` → carry). */
  tag: CarryTag | null;
  /** The upstream pull request it tracks (`#1234`), when tagged `UPSTREAM: 1234:`. */
  upstreamRef: string | null;
  /** True when upstream has merged `upstreamRef`: the carry can go on the next rebase. */
  isUpstreamMerged: boolean;
  files: string[];
  /** Lines of the fork tip that still come from this commit. */
  liveLines: number;
  /** Merge-base lines it removed that the fork tip still lacks (a commit of removals only is carried by these). */
  removedLines: number;
  /** Files it renamed that the fork tip keeps under the new name (a commit of renames only is carried by these). */
  renamedPaths: number;
  /**
   * For a commit no line, removal or rename carries: files the fork tip has
   * exactly as it left them (binary or empty files have no lines), and files
   * of the merge base it deleted (as the base had them, or as earlier fork
   * commits changed them in place) that the tip still lacks; 0 for others.
   */
  keptFiles: number;
  /** Categories of the files it touches. */
  categories: CategoryId[];
}

export interface SyncPlan {
  merge: MergeForecast;
  picks: PickForecast[];
  carries: CarryEntry[];
  /** Missing commits not forecast (past the cap), said in a notice too. */
  unforecastPicks: number;
  /**
   * Missing security commits that are one fix (the same subject and ids, a
   * file in common: a pull request's iterations), two or more each: the
   * fix's first commit, then the others (full shas).
   */
  securityFixes: string[][];
}
