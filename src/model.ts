/**
 * The types every stage of the pipeline shares. Data flows one way:
 * git/ → diff/ → attribution/ → classifiers/ → check/ → reporters/.
 * The JSON report is exactly `Report` (schema in `schema/report.schema.json`).
 */
import type { SyncPlan } from './syncModel.js';

/**
 * Stable category ids, used in JSON, config and flags. `sync` holds findings
 * read from history rather than from the diff (an upstream security fix the
 * fork lacks), so that --check and the config can gate on them.
 */
export const CATEGORY_IDS = [
  'workflow',
  'dockerfile',
  'vendored-deps',
  'reverted-fixes',
  'removed-tests',
  'sync',
  'other',
] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** How `other` is split in reports. */
export const OTHER_KINDS = ['fork-addition', 'docs', 'build', 'test', 'source'] as const;
export type OtherKind = (typeof OTHER_KINDS)[number];

/**
 * Which side moved since the merge base: `fork` (the fork changed it, upstream
 * did not), `upstream` (the fork lacks an upstream change), `both`, or `null`
 * when unknown (diff-file mode, no merge base).
 */
export type Side = 'fork' | 'upstream' | 'both' | null;
export const SIDES = ['fork', 'upstream', 'both'] as const;

/** The side one changed line moved on: every line of the two-tip diff has exactly one. */
export type LineSide = 'fork' | 'upstream';

/** Which tip a line number counts in: the fork's file, or upstream's for upstream-only lines. */
export type Tip = 'fork' | 'upstream';

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

export type LineType = 'add' | 'del' | 'normal';

/** One line of a hunk. `-` lines exist upstream only, `+` lines in the fork only. */
export interface DiffLine {
  type: LineType;
  /** The line without its leading `+`, `-` or space. */
  content: string;
}

export interface Hunk {
  /** The `@@ … @@` line, including any function context after it. */
  header: string;
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Lines only in the fork. `\ No newline at end of file` is never counted. */
  additions: number;
  deletions: number;
  categories: CategoryId[];
  side: Side;
  /** Identifies this drift across runs even when line numbers shift. */
  fingerprint: string;
  /** Upstream or fork commits that explain this hunk (git mode), short ids. */
  commits: string[];
  /**
   * A `both` hunk split into runs of lines whose changes all moved on one
   * side, in order and covering the hunk; empty for a one-sided hunk.
   */
  blocks: HunkBlock[];
  /** The hunk's lines; capped for huge hunks (see `isTruncated`). */
  lines: DiffLine[];
  /** True when `lines` holds only the start of the hunk. */
  isTruncated: boolean;
}

/** Part of a hunk whose changed lines all moved on one side (see `Hunk.blocks`). */
export interface HunkBlock {
  side: LineSide;
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

export interface FileDiff {
  /** Path in the fork (or upstream path when the fork deleted the file), without prefixes. */
  path: string;
  /** Path upstream when it differs (rename/copy), else null. */
  oldPath: string | null;
  status: FileStatus;
  isBinary: boolean;
  oldMode: string | null;
  newMode: string | null;
  /** Rename/copy similarity in percent, else null. */
  similarity: number | null;
  additions: number;
  deletions: number;
  categories: CategoryId[];
  /** For files in `other` only: what kind of other. */
  otherKind: OtherKind | null;
  /** For vendored files: the module they belong to (e.g. `github.com/containerd/containerd`). */
  module: string | null;
  side: Side;
  /**
   * For a file one tip lacks (added or deleted): the rename since the merge
   * base that gave or took its path, which git did not pair across the two
   * tips, and what the other side did to the base file (git mode); else null.
   */
  rename: OneSideRename | null;
  hunks: Hunk[];
}

/** A rename one side made since the merge base (`from` is the base's name), and the other side's move on that base file. */
export interface OneSideRename {
  side: LineSide;
  from: string;
  to: string;
  otherSide: 'kept' | 'changed' | 'deleted';
}

export type Confidence = 'high' | 'medium' | 'low';

export interface Finding {
  category: CategoryId;
  /** Analyser-specific, e.g. `dependency`, `base-image`, `job-commented-out`, `test-removed`. */
  kind: string;
  path: string;
  /** One line a maintainer understands. */
  message: string;
  /** Stable across runs and line shifts; differs when the drift differs. */
  fingerprint: string;
  /** The side of the lines the finding was read from (not of its hunk or file). */
  side: Side;
  confidence: Confidence;
  /** Commits that explain the finding's lines (git mode), short ids; empty when unknown. */
  commits: string[];
  /** Where the finding is: a 1-based line in the fork's file, or in upstream's for upstream-only lines. */
  line: number | null;
  /** Which tip `line` counts in. */
  lineIn: Tip | null;
  /** Structured facts (versions, names, evidence lines). */
  details: Record<string, unknown>;
}

export interface CommitInfo {
  sha: string;
  subject: string;
  author: string;
  /** ISO date of the commit (author date). */
  date: string;
  /** Subject reads as a fix (fix, bug, CVE, security, race, deadlock, leak, panic, backport). */
  isFix: boolean;
  /** CVE/GHSA ids the message names, or `security` when it says security/vulnerability without an id. */
  security: string[];
}

/**
 * How an upstream commit whose patch-id the fork lacks is nevertheless in the
 * fork: its lines, every file it touched as upstream's tip has it
 * (`same-files`), or (`versions`) its Go module bumps at the same or newer
 * versions (applied.ts, sameFiles.ts).
 */
export type AppliedHow = 'patch-id' | 'lines' | 'same-files' | 'versions' | 'ported' | 'empty-pick';

/** An upstream commit the fork already has, under another sha (and maybe other paths or names). */
export interface AppliedCommit {
  commit: CommitInfo;
  how: AppliedHow;
  /** The fork commit that carries it, when known (full sha). */
  forkCommit: string | null;
}

export interface RevertInfo {
  /** The fork commit that reverts. */
  commit: CommitInfo;
  /** The upstream commit it reverts, when it can be named. */
  reverts: string | null;
  revertsSubject: string | null;
}

export interface Commits {
  /** Upstream commits whose change the fork lacks (not applied under any patch-id, path or name). */
  missingFromFork: CommitInfo[];
  /** Upstream commits the fork has as a cherry-pick, a rewritten patch, or lines already present. */
  applied: AppliedCommit[];
  /** Commits only in the fork. */
  forkOnly: CommitInfo[];
  /** Fork commits that revert upstream ones. */
  reverts: RevertInfo[];
  /**
   * Merge commits that hunks name, newest first: lines a merge wrote itself
   * (a conflict's resolution, a release merge that bumps a version) or
   * brought in from a merge within its branch. The lists above hold no merges.
   */
  merges: CommitInfo[];
}

/** Every commit the lists name, in their order (missing, applied, fork-only; a revert is a fork-only commit); merges aside. */
export const listedCommits = (commits: Commits): CommitInfo[] =>
  [...commits.missingFromFork, ...commits.applied.map((entry) => entry.commit), ...commits.forkOnly];

export interface RefSide {
  /** Remote name or URL; `.` for a local commit audited with `--fork-rev`. */
  remote: string;
  /** Branch or ref name on that remote, e.g. `v0.11`. */
  ref: string;
  /** Resolved commit, or null in diff-file mode. */
  sha: string | null;
}

export interface SideCounts {
  files: number;
  hunks: number;
  additions: number;
  deletions: number;
}

export interface CategorySummary extends SideCounts {
  category: CategoryId;
  findings: number;
  /** Split by side; null in diff-file mode. */
  bySide: Record<'fork' | 'upstream' | 'both', SideCounts> | null;
}

export type Mode = 'git' | 'diff-file';

// The sync plan's types live in syncModel.ts; the model's users import them from here.
export type { CarryEntry, CarryStatus, CarryTag, ConflictKind, MergeForecast, PickForecast, PickResult, SyncPlan } from './syncModel.js';

/** The result of auditing one ref (or one diff file). */
export interface Report {
  schemaVersion: 1;
  mode: Mode;
  /** Null in diff-file mode unless the prefixes name them. */
  upstream: RefSide | null;
  fork: RefSide | null;
  mergeBase: string | null;
  summary: CategorySummary[];
  totals: SideCounts;
  /** The distinct totals split by side (files and hunks each on their own side); null without sides. */
  totalsBySide: Record<'fork' | 'upstream' | 'both', SideCounts> | null;
  files: FileDiff[];
  findings: Finding[];
  /** Null when history is unavailable (diff-file mode, no merge base). */
  commits: Commits | null;
  /** What catching up with upstream would cost; null in diff-file mode, without a merge base, or with git older than 2.38. */
  sync: SyncPlan | null;
  /** What could not be done, said plainly (e.g. skipped combined diffs). */
  notices: string[];
}
