// Reads CI definitions: https://docs.github.com/en/actions/using-workflows/workflow-syntax-for-github-actions,
// https://docs.gitlab.com/ee/ci/yaml/, https://circleci.com/docs/configuration-reference/
import type { FileDiff, Finding, Side } from '../model.js';
import { createFinding, uniqueByFingerprint } from './common/finding.js';
import { changedLines } from './common/lines.js';
import { locate } from './common/location.js';
import type { LineRefs } from './common/location.js';
import { readWholeFiles } from './common/wholeFiles.js';
import { describeChange, describePresence } from './common/wording.js';
import { defineClassifier } from './define.js';
import type { ClassifyContext } from './define.js';
import { isVersionLike } from './deps/versionDirection.js';
import { isFileAt, isWorkflowPath } from './paths.js';
import { commentedOutJobLine, isGitLabCi, jobsOfHunks, jobsOfText, sideView } from './workflow/jobs.js';
import { droppedMatrixItems, shortenedLists } from './workflow/matrix.js';
import type { MatrixDrop } from './workflow/matrix.js';
import { actionRef, changedKeyValues, registryOf, secretNames } from './workflow/references.js';

/** Finding kinds of the workflow category. */
export type WorkflowFindingKind =
  | 'job-added' | 'job-removed' | 'job-commented-out' | 'matrix-entry-removed'
  | 'secret-referenced' | 'registry-changed' | 'action-version-changed';

/** Adds a finding read from `refs`, worded once its side is known. */
type Emit = (kind: WorkflowFindingKind, refs: LineRefs, describe: (side: Side) => string, identity: (string | null)[], details: Record<string, unknown>) => void;

async function jobFindings(file: FileDiff, context: ClassifyContext, emit: Emit): Promise<void> {
  const isGitLab = isGitLabCi(file.path);
  let upstream = jobsOfHunks(file.hunks, 'upstream', isGitLab);
  let fork = jobsOfHunks(file.hunks, 'fork', isGitLab);
  const views = file.hunks.map((hunk) => sideView(hunk, 'fork'));
  let forkView = { lines: views.flatMap((view) => view.lines), numbers: views.flatMap((view) => view.numbers) };
  const whole = await readWholeFiles(file, context);
  if (whole) {
    const exactBefore = jobsOfText(whole.upstream, isGitLab);
    const exactAfter = jobsOfText(whole.fork, isGitLab);
    if (exactBefore && exactAfter) {
      upstream = exactBefore;
      fork = exactAfter;
      const lines = whole.fork.split('\n');
      forkView = { lines, numbers: lines.map((_, index) => index + 1) };
    }
  }
  for (const [job, line] of upstream) {
    if (fork.has(job)) continue;
    const commented = commentedOutJobLine(forkView.lines, job, forkView.numbers);
    const isCommentedOut = commented !== null;
    emit(isCommentedOut ? 'job-commented-out' : 'job-removed', { upstream: [line], fork: [commented] },
      (side) => describePresence({ thing: `job "${job}"`, presentIn: 'upstream', side, isCommentedOut }),
      [job], { job, commentedOut: isCommentedOut });
  }
  if (file.status === 'added') return;
  for (const [job, line] of fork) {
    if (!upstream.has(job)) emit('job-added', { fork: [line] }, (side) => describePresence({ thing: `job "${job}"`, presentIn: 'fork', side }), [job], { job });
  }
}

/** `PLATFORMS: 6 → 1 platforms in job "x" (dropped …)`, or `matrix worker: oci-rootless commented out in job "x"`. */
export function describeDrop(drop: MatrixDrop, side: Side = null): string {
  const where = drop.job ? ` in job "${drop.job}"` : '';
  const how = drop.isCommentedOut ? 'commented out' : 'removed';
  if (drop.upstreamCount === null) {
    const thing = `matrix ${drop.key}: ${drop.removed.join(', ')}${where}`;
    return describePresence({ thing, presentIn: 'upstream', side, isCommentedOut: drop.isCommentedOut, neutral: `matrix ${drop.key}: ${drop.removed.join(', ')} ${how}${where}` });
  }
  const unit = /platform/i.test(drop.key) ? 'platforms' : 'entries';
  const counts = `${drop.upstreamCount} → ${drop.forkCount ?? 0} ${unit}${where} (dropped ${drop.removed.join(', ')})`;
  if (side === 'fork') return `fork shortened ${drop.key}: ${counts}`;
  if (side === 'upstream') return `upstream extended ${drop.key}: ${drop.forkCount ?? 0} → ${drop.upstreamCount} ${unit}${where} (added ${drop.removed.join(', ')}); fork lacks them`;
  if (side === 'both') return `both changed ${drop.key}: ${counts}`;
  return `${drop.key}: ${counts}`;
}

function matrixFindings(file: FileDiff, emit: Emit): void {
  for (const hunk of file.hunks) {
    for (const drop of [...droppedMatrixItems(hunk), ...shortenedLists(hunk)]) {
      emit('matrix-entry-removed', drop.lines, (side) => describeDrop(drop, side), [drop.job, drop.key, drop.removed.join(',')],
        { job: drop.job, key: drop.key, removed: drop.removed, upstream: drop.upstreamCount, fork: drop.forkCount, commentedOut: drop.isCommentedOut });
    }
  }
}

function referenceFindings(file: FileDiff, emit: Emit): void {
  const upstreamSecrets = secretNames(file.hunks.flatMap(changedLines).filter((line) => line.tip === 'upstream').map((line) => line.content));
  for (const hunk of file.hunks) {
    const secretLines = new Map<string, number[]>();
    for (const { content, tip, line } of changedLines(hunk)) {
      if (tip !== 'fork') continue;
      for (const name of secretNames([content])) secretLines.set(name, [...(secretLines.get(name) ?? []), line]);
    }
    for (const [name, lines] of secretLines) {
      if (upstreamSecrets.has(name)) continue;
      emit('secret-referenced', { fork: lines },
        (side) => describePresence({ thing: `secret ${name}`, presentIn: 'fork', side, added: 'newly references', removed: 'no longer references',
          neutral: `secret ${name} newly referenced` }),
        [name], { secret: name });
    }
    for (const pair of changedKeyValues(hunk)) {
      if (pair.key === 'uses') {
        const before = actionRef(pair.upstream);
        const after = actionRef(pair.fork);
        if (before && after && before.action === after.action) {
          const isVersioned = isVersionLike(before.ref) && isVersionLike(after.ref);
          emit('action-version-changed', pair.lines,
            (side) => describeChange({ subject: before.action, upstream: before.ref, fork: after.ref, side, isVersioned, neutral: `${before.action}: ${before.ref} → ${after.ref}` }),
            [before.action, before.ref, after.ref], { action: before.action, upstream: before.ref, fork: after.ref });
        }
        continue;
      }
      const from = pair.key === 'registry' ? pair.upstream : registryOf(pair.upstream);
      const to = pair.key === 'registry' ? pair.fork : registryOf(pair.fork);
      if (!from || !to || from === to) continue;
      const unquote = (value: string): string => value.replace(/^["']|["']$/g, '');
      const subject = pair.key === 'registry' ? 'login registry' : `${pair.key} (registry ${from} → ${to})`;
      const [upstreamValue, forkValue] = pair.key === 'registry' ? [from, to] : [unquote(pair.upstream), unquote(pair.fork)];
      const neutral = pair.key === 'registry' ? `login registry: ${from} → ${to}` : `${pair.key}: ${upstreamValue} → ${forkValue} (registry ${from} → ${to})`;
      emit('registry-changed', pair.lines, (side) => describeChange({ subject, upstream: upstreamValue, fork: forkValue, side, isVersioned: false, neutral }),
        [pair.key, pair.upstream, pair.fork], { key: pair.key, upstream: pair.upstream, fork: pair.fork, registries: [from, to] });
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
    const emit: Emit = (kind, refs, describe, identity, details) => {
      const at = locate(file, context, refs);
      const confidence = kind === 'matrix-entry-removed' && details['job'] === null ? 'medium' : 'high';
      findings.push(createFinding({ category: 'workflow', kind, path: file.path, message: describe(at.side), identity, ...at, confidence, details }));
    };
    await jobFindings(file, context, emit);
    matrixFindings(file, emit);
    if (file.status !== 'added') referenceFindings(file, emit);
    return uniqueByFingerprint(findings);
  },
});
