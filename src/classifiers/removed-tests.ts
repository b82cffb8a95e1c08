// Test conventions: Go `func TestX(t *testing.T)` (https://pkg.go.dev/testing), vitest/jest/mocha, pytest, Rust #[test], JUnit.
import type { FileDiff, Finding, Hunk } from '../model.js';
import { createFinding } from './common/finding.js';
import { hunkContext, markHunk, normaliseLine, removedLines } from './common/lines.js';
import { defineClassifier } from './define.js';
import { isTestPath, isVendoredPath, isWorkflowPath } from './paths.js';
import { conventionOf, languageOf } from './tests/conventions.js';
import type { TestConvention } from './tests/conventions.js';
import { droppedMatrixItems } from './workflow/matrix.js';
import type { MatrixDrop } from './workflow/matrix.js';

/** Finding kinds of the removed-tests category. */
export type RemovedTestKind = 'test-removed' | 'test-file-deleted' | 'skip-added' | 'matrix-test-removed';

interface View {
  lines: string[];
  /** Indices of the lines only this side has. */
  changed: number[];
}

function viewOf(hunk: Hunk, side: 'upstream' | 'fork'): View {
  const view: View = { lines: [], changed: [] };
  for (const line of hunk.lines) {
    if (line.type === (side === 'upstream' ? 'add' : 'del')) continue;
    if (line.type !== 'normal') view.changed.push(view.lines.length);
    view.lines.push(line.content);
  }
  return view;
}

const namesIn = (view: View, convention: TestConvention): string[] =>
  view.changed.flatMap((index) => convention.namesAt(view.lines, index));

function testFindings(file: FileDiff, convention: TestConvention): Finding[] {
  const removed = new Map<string, Hunk[]>();
  const added = new Set<string>();
  for (const hunk of file.hunks) {
    for (const name of namesIn(viewOf(hunk, 'upstream'), convention)) removed.set(name, [...(removed.get(name) ?? []), hunk]);
    for (const name of namesIn(viewOf(hunk, 'fork'), convention)) added.add(name);
  }
  const findings: Finding[] = [];
  for (const [name, hunks] of removed) {
    // Removed in one hunk and declared again in another: moved or reordered, still run.
    if (added.has(name)) continue;
    for (const hunk of hunks) markHunk(hunk, 'removed-tests');
    findings.push(createFinding({
      category: 'removed-tests', kind: 'test-removed', path: file.path,
      message: `test ${name} removed from ${file.path}`, identity: [name], side: hunks[0]?.side ?? file.side,
      confidence: 'high', details: { test: name, language: languageOf(file.path) },
    }));
  }
  const upstreamLines = new Set(file.hunks.flatMap(removedLines).map(normaliseLine));
  for (const hunk of file.hunks) {
    const fork = viewOf(hunk, 'fork');
    for (const index of fork.changed) {
      const line = fork.lines[index] ?? '';
      if (!convention.isSkip(line) || upstreamLines.has(normaliseLine(line))) continue;
      const target = convention.skipTarget(fork.lines, index, hunkContext(hunk));
      markHunk(hunk, 'removed-tests');
      findings.push(createFinding({
        category: 'removed-tests', kind: 'skip-added', path: file.path,
        message: `skip added to ${target ? `test ${target}` : 'a test'} in ${file.path}: ${normaliseLine(line)}`,
        identity: [target, normaliseLine(line)], side: hunk.side, confidence: target ? 'high' : 'medium',
        details: { test: target ?? normaliseLine(line), evidence: normaliseLine(line) },
      }));
    }
  }
  return findings;
}

function deletedFileFinding(file: FileDiff, convention: TestConvention | null): Finding[] {
  const names = convention ? [...new Set(file.hunks.flatMap((hunk) => namesIn(viewOf(hunk, 'upstream'), convention)))] : [];
  for (const hunk of file.hunks) markHunk(hunk, 'removed-tests');
  return [createFinding({
    category: 'removed-tests', kind: 'test-file-deleted', path: file.path,
    message: `test file ${file.path} deleted${names.length > 0 ? ` (${names.length} tests: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})` : ''}`,
    identity: [file.path], side: file.side, confidence: 'high', details: { test: file.path, tests: names },
  })];
}

/** Matrix dimensions that select what tests run, and jobs that run tests. */
const TEST_KEY = /^(tests?|suites?|pkgs?|packages?|workers?|shards?|typ|test[-_]?\w*|\w*[-_]tests?)$/i;
const ENVIRONMENT_KEY = /^(os|platforms?|python(-version)?|node(-version)?|go(-version)?|runtime|java(-version)?|jdk|toolchain)$/i;
const isTestJob = (job: string | null): boolean => job !== null && /test|e2e|integration|check|spec/i.test(job);
const isTestMatrix = (drop: MatrixDrop): boolean =>
  TEST_KEY.test(drop.key) || (isTestJob(drop.job) && ENVIRONMENT_KEY.test(drop.key)) || isTestJob(drop.job);

function matrixFindings(file: FileDiff): Finding[] {
  return file.hunks.flatMap((hunk) => droppedMatrixItems(hunk).filter(isTestMatrix).map((drop) => {
    markHunk(hunk, 'removed-tests');
    const entry = `${drop.key}: ${drop.removed.join(', ')}`;
    return createFinding({
      category: 'removed-tests', kind: 'matrix-test-removed', path: file.path,
      message: `test matrix entry ${entry} ${drop.isCommentedOut ? 'commented out' : 'removed'}${drop.job ? ` in job "${drop.job}"` : ''}`,
      identity: [drop.job, entry], side: hunk.side, confidence: drop.job ? 'high' : 'medium',
      details: { test: entry, job: drop.job, commentedOut: drop.isCommentedOut },
    });
  }));
}

export default defineClassifier({
  id: 'removed-tests',
  title: 'Removed tests',
  isPathCategory: false,
  // Rust keeps unit tests inside source files; vendored code is never the project's tests.
  matches: (file) => !file.isBinary && !isVendoredPath(file.path) &&
    (isTestPath(file.path) || isWorkflowPath(file.path) || file.path.endsWith('.rs')),
  classify(file) {
    if (isWorkflowPath(file.path)) return matrixFindings(file);
    const convention = conventionOf(file.path);
    if (file.status === 'deleted' && isTestPath(file.path)) return deletedFileFinding(file, convention);
    if (!convention || file.status === 'added') return [];
    return testFindings(file, convention);
  },
});
