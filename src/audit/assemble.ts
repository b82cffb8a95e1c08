import { type CategoryGlobs, createCategoriser } from '../classifiers/categorise.js';
import type { ClassifyContext } from '../classifiers/define.js';
import { type Commits, type FileDiff, type Finding, type Mode, type RefSide, type Report } from '../model.js';
import { globMatcher } from '../classifiers/paths.js';
import { compareFindings } from '../findingOrder.js';
import { createFileProgress } from '../io/fileProgress.js';
import { addCommitEvidence } from './commitEvidence.js';
import { createFindingCompactor } from './compactFinding.js';
import { createHunkSpill } from './hunkSpill.js';
import { createLineBudget } from './lineBudget.js';
import { summarise, totals } from './summary.js';

export interface AssembleInput {
  mode: Mode;
  files: AsyncIterable<FileDiff>;
  context: ClassifyContext;
  /**
   * Runs on each batch of files before classification (git mode: attribution,
   * which asks git once per batch rather than once per file).
   */
  prepare?: (files: FileDiff[]) => Promise<void>;
  extraGlobs?: CategoryGlobs;
  ignore?: readonly string[];
}

export interface AssembleMeta {
  upstream: RefSide | null;
  fork: RefSide | null;
  mergeBase: string | null;
  commits: Commits | null;
  notices: string[];
}

/** Files wait in a batch until this many, or this many hunk lines, so memory stays bounded. */
const BATCH_FILES = 256;
const BATCH_LINES = 100_000;

/** Classifies files as they stream in, keeps a bounded amount of hunk text, and builds the report. */
export async function assemble(input: AssembleInput, meta: () => AssembleMeta | Promise<AssembleMeta>): Promise<Report> {
  const categoriser = createCategoriser(input.extraGlobs);
  const isIgnored = globMatcher(input.ignore ?? []);
  const budget = createLineBudget();
  const spill = createHunkSpill();
  const compact = createFindingCompactor();
  const progress = createFileProgress();
  const files: FileDiff[] = [];
  const findings: Finding[] = [];
  let ignored = 0;
  let batch: FileDiff[] = [];
  let batchLines = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await input.prepare?.(batch);
    for (const file of batch) {
      for (const finding of await categoriser.classify(file, input.context)) findings.push(compact(finding));
      budget.keep(file);
      files.push(spill.keep(file));
      progress.tick();
    }
    batch = [];
    batchLines = 0;
  };
  for await (const file of input.files) {
    if (isIgnored(file.path) || (file.oldPath !== null && isIgnored(file.oldPath))) {
      ignored += 1;
      continue;
    }
    batch.push(file);
    batchLines += file.hunks.reduce((sum, hunk) => sum + hunk.lines.length, 0);
    if (batch.length >= BATCH_FILES || batchLines >= BATCH_LINES) await flush();
  }
  await flush();
  progress.done();
  const { upstream, fork, mergeBase, commits, notices } = await meta();
  if (ignored > 0) notices.push(`${ignored} file(s) left out by the config's ignore globs`);
  if (budget.isExhausted()) notices.push('the diff is very large: later hunks are counted but their lines are not shown');
  findings.sort(compareFindings);
  addCommitEvidence(findings, commits);
  const hasSides = input.mode === 'git' && mergeBase !== null;
  return {
    schemaVersion: 1,
    mode: input.mode,
    upstream,
    fork,
    mergeBase,
    summary: summarise(files, findings, hasSides),
    totals: totals(files),
    files,
    findings,
    commits,
    notices,
  };
}
