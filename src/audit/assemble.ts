import { type CategoryGlobs, createCategoriser } from '../classifiers/categorise.js';
import { isOpen, isWithdrawn } from '../classifiers/define.js';
import type { ClassifyContext } from '../classifiers/define.js';
import { CATEGORY_IDS as CATEGORY_ORDER, type CategoryId, type Commits, type FileDiff, type Finding, type Mode, type RefSide, type Report, type SyncPlan } from '../model.js';
import { globMatcher } from '../classifiers/paths.js';
import { compareFindings } from '../findingOrder.js';
import { createFileProgress } from '../io/fileProgress.js';
import { addCommitEvidence } from './commitEvidence.js';
import { createCompactor } from './compact.js';
import { IN_MEMORY_HUNKS, createHunkSpill } from './hunkSpill.js';
import { createLineBudget } from './lineBudget.js';
import { isOwnReportFile, ownReportsNotice } from './ownReports.js';
import { createSummaryAccumulator } from './summary.js';

export interface AssembleInput {
  mode: Mode;
  files: AsyncIterable<FileDiff>;
  context: ClassifyContext;
  /**
   * Runs on each file before classification (git mode: attribution, whose
   * git history is read once per run, on the first file).
   */
  prepare?: (files: FileDiff[]) => Promise<void>;
  extraGlobs?: CategoryGlobs;
  ignore?: readonly string[];
  /** False for `--no-progress`: no progress line even on a terminal. */
  isProgress?: boolean;
}

export interface AssembleMeta {
  upstream: RefSide | null;
  fork: RefSide | null;
  mergeBase: string | null;
  commits: Commits | null;
  sync?: SyncPlan | null;
  /** Findings read from history rather than the diff (category `sync`). */
  findings?: Finding[];
  notices: string[];
  /** The names a fork tip path had in the fork's history (its renames since the merge base), which a carried commit may use. */
  forkEarlierNames?: (path: string) => readonly string[];
}

/** Classifies files as they stream in, keeps a bounded amount of hunk text, and builds the report. */
export async function assemble(input: AssembleInput, meta: () => AssembleMeta | Promise<AssembleMeta>): Promise<Report> {
  const categoriser = createCategoriser(input.extraGlobs);
  const isIgnored = globMatcher(input.ignore ?? []);
  const budget = createLineBudget();
  const compact = createCompactor();
  const spill = createHunkSpill(IN_MEMORY_HUNKS, compact);
  const progress = createFileProgress(input.isProgress === false ? null : process.stderr);
  const counts = createSummaryAccumulator();
  const files: FileDiff[] = [];
  const findings: Finding[] = [];
  const stillOpen: Finding[] = [];
  let ignored = 0;
  const ownReports: string[] = [];
  // One file at a time, from parser to report: a parsed file dies before the
  // next garbage collection, so it is never promoted to the old generation.
  for await (const file of input.files) {
    if (isIgnored(file.path) || (file.oldPath !== null && isIgnored(file.oldPath))) {
      ignored += 1;
      continue;
    }
    if (isOwnReportFile(file)) {
      ownReports.push(file.path);
      continue;
    }
    await input.prepare?.([file]);
    for (const finding of await categoriser.classify(file, input.context)) {
      if (isOpen(finding)) stillOpen.push(finding);
      else findings.push(compact(finding));
    }
    counts.add(file);
    budget.keep(file);
    files.push(spill.keep(file));
    progress.tick();
  }
  for (const finding of await categoriser.finish(input.context)) findings.push(compact(finding));
  progress.done();
  for (const finding of stillOpen) if (!isWithdrawn(finding)) findings.push(compact(finding));
  const { upstream, fork, mergeBase, commits, sync = null, findings: fromHistory = [], notices, forkEarlierNames = () => [] } = await meta();
  for (const finding of fromHistory) findings.push(compact(finding));
  if (ownReports.length > 0) notices.push(ownReportsNotice(ownReports));
  if (ignored > 0) notices.push(`${ignored} file(s) left out by the config's ignore globs`);
  if (budget.isExhausted()) notices.push('the diff is very large: later hunks are counted but their lines are not shown');
  if (sync) fillCarryCategories(sync, files, forkEarlierNames);
  findings.sort(compareFindings);
  addCommitEvidence(findings, commits);
  const hasSides = input.mode === 'git' && mergeBase !== null;
  return {
    schemaVersion: 1,
    mode: input.mode,
    upstream,
    fork,
    mergeBase,
    summary: counts.summary(findings, hasSides),
    totals: counts.totals(),
    totalsBySide: counts.totalsBySide(hasSides),
    files,
    findings,
    commits,
    sync,
    notices,
  };
}

/**
 * A carry's categories are those of its files in this report (files upstream
 * also has the same way are not drift), found by any name: the report's,
 * upstream's, or one the fork gave the file before it renamed it.
 */
function fillCarryCategories(sync: SyncPlan, files: readonly FileDiff[], forkEarlierNames: (path: string) => readonly string[]): void {
  const wanted = new Set(sync.carries.flatMap((carry) => carry.files));
  const byPath = new Map<string, readonly CategoryId[]>();
  for (const file of files) {
    if (wanted.has(file.path)) byPath.set(file.path, file.categories);
    if (file.oldPath !== null && wanted.has(file.oldPath)) byPath.set(file.oldPath, file.categories);
  }
  // A name the report still uses is that file's; an earlier one, only where no file has it now.
  for (const file of files) {
    for (const name of forkEarlierNames(file.path)) if (wanted.has(name) && !byPath.has(name)) byPath.set(name, file.categories);
  }
  for (const carry of sync.carries) {
    const categories = new Set(carry.files.flatMap((path) => byPath.get(path) ?? []));
    carry.categories = CATEGORY_ORDER.filter((id) => categories.has(id));
  }
}
