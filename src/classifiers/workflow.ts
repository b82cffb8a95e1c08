// Reads CI definitions: https://docs.github.com/en/actions/using-workflows/workflow-syntax-for-github-actions,
// https://docs.gitlab.com/ee/ci/yaml/, https://circleci.com/docs/configuration-reference/
import type { FileDiff, Finding } from '../model.js';
import { createFinding, uniqueByFingerprint } from './common/finding.js';
import { addedLines, removedLines } from './common/lines.js';
import { readWholeFiles } from './common/wholeFiles.js';
import { defineClassifier } from './define.js';
import type { ClassifyContext } from './define.js';
import { isFileAt, isWorkflowPath } from './paths.js';
import { isCommentedOutJob, isGitLabCi, jobsOfHunks, jobsOfText } from './workflow/jobs.js';
import { droppedMatrixItems, shortenedLists } from './workflow/matrix.js';
import type { MatrixDrop } from './workflow/matrix.js';
import { actionRef, changedKeyValues, registryOf, secretNames } from './workflow/references.js';

/** Finding kinds of the workflow category. */
export type WorkflowFindingKind =
  | 'job-added' | 'job-removed' | 'job-commented-out' | 'matrix-entry-removed'
  | 'secret-referenced' | 'registry-changed' | 'action-version-changed';

type Emit = (kind: WorkflowFindingKind, message: string, identity: (string | null)[], side: FileDiff['side'], details: Record<string, unknown>) => void;

const sideOfLine = (file: FileDiff, needle: string): FileDiff['side'] =>
  file.hunks.find((hunk) => hunk.lines.some((line) => line.type !== 'normal' && line.content.includes(needle)))?.side ?? file.side;

async function jobFindings(file: FileDiff, context: ClassifyContext, emit: Emit): Promise<void> {
  const isGitLab = isGitLabCi(file.path);
  let upstream = jobsOfHunks(file.hunks, 'upstream', isGitLab);
  let fork = jobsOfHunks(file.hunks, 'fork', isGitLab);
  let forkLines = file.hunks.flatMap(addedLines);
  const whole = await readWholeFiles(file, context);
  if (whole) {
    const exactBefore = jobsOfText(whole.upstream, isGitLab);
    const exactAfter = jobsOfText(whole.fork, isGitLab);
    if (exactBefore && exactAfter) {
      upstream = exactBefore;
      fork = exactAfter;
      forkLines = whole.fork.split('\n');
    }
  }
  for (const job of upstream) {
    if (fork.has(job)) continue;
    const isCommentedOut = isCommentedOutJob(forkLines, job);
    emit(isCommentedOut ? 'job-commented-out' : 'job-removed', `job "${job}" ${isCommentedOut ? 'commented out' : 'removed'}`,
      [job], sideOfLine(file, `${job}:`), { job, commentedOut: isCommentedOut });
  }
  if (file.status === 'added') return;
  for (const job of fork) {
    if (!upstream.has(job)) emit('job-added', `job "${job}" added`, [job], sideOfLine(file, `${job}:`), { job });
  }
}

export function describeDrop(drop: MatrixDrop): string {
  const where = drop.job ? ` in job "${drop.job}"` : '';
  const how = drop.isCommentedOut ? 'commented out' : 'removed';
  if (drop.upstreamCount === null) return `matrix ${drop.key}: ${drop.removed.join(', ')} ${how}${where}`;
  const unit = /platform/i.test(drop.key) ? 'platforms' : 'entries';
  return `${drop.key}: ${drop.upstreamCount} → ${drop.forkCount ?? 0} ${unit}${where} (dropped ${drop.removed.join(', ')})`;
}

function matrixFindings(file: FileDiff, emit: Emit): void {
  for (const hunk of file.hunks) {
    for (const drop of [...droppedMatrixItems(hunk), ...shortenedLists(hunk)]) {
      emit('matrix-entry-removed', describeDrop(drop), [drop.job, drop.key, drop.removed.join(',')], hunk.side,
        { job: drop.job, key: drop.key, removed: drop.removed, upstream: drop.upstreamCount, fork: drop.forkCount, commentedOut: drop.isCommentedOut });
    }
  }
}

function referenceFindings(file: FileDiff, emit: Emit): void {
  const upstreamSecrets = secretNames(file.hunks.flatMap(removedLines));
  for (const hunk of file.hunks) {
    for (const name of secretNames(addedLines(hunk))) {
      if (!upstreamSecrets.has(name)) emit('secret-referenced', `secret ${name} newly referenced`, [name], hunk.side, { secret: name });
    }
    for (const pair of changedKeyValues(hunk)) {
      if (pair.key === 'uses') {
        const before = actionRef(pair.upstream);
        const after = actionRef(pair.fork);
        if (before && after && before.action === after.action) {
          emit('action-version-changed', `${before.action}: ${before.ref} → ${after.ref}`, [before.action, before.ref, after.ref], hunk.side,
            { action: before.action, upstream: before.ref, fork: after.ref });
        }
        continue;
      }
      const from = pair.key === 'registry' ? pair.upstream : registryOf(pair.upstream);
      const to = pair.key === 'registry' ? pair.fork : registryOf(pair.fork);
      if (!from || !to || from === to) continue;
      const unquote = (value: string): string => value.replace(/^["']|["']$/g, '');
      const message = pair.key === 'registry' ? `login registry: ${from} → ${to}` : `${pair.key}: ${unquote(pair.upstream)} → ${unquote(pair.fork)} (registry ${from} → ${to})`;
      emit('registry-changed', message, [pair.key, pair.upstream, pair.fork], hunk.side, { key: pair.key, upstream: pair.upstream, fork: pair.fork, registries: [from, to] });
    }
  }
}

export default defineClassifier({
  id: 'workflow',
  title: 'CI workflows',
  isPathCategory: true,
  matches: (file) => isFileAt(file, isWorkflowPath),
  async classify(file, context) {
    if (file.isBinary || !/\.ya?ml$/.test(file.path)) return [];
    const findings: Finding[] = [];
    const emit: Emit = (kind, message, identity, side, details) => {
      findings.push(createFinding({ category: 'workflow', kind, path: file.path, message, identity, side, confidence: kind === 'matrix-entry-removed' && details['job'] === null ? 'medium' : 'high', details }));
    };
    await jobFindings(file, context, emit);
    matrixFindings(file, emit);
    if (file.status !== 'added') referenceFindings(file, emit);
    return uniqueByFingerprint(findings);
  },
});
