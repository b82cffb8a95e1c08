// Test conventions: Go `func TestX(t *testing.T)` (https://pkg.go.dev/testing), vitest/jest/mocha, pytest, Rust #[test], JUnit.
import type { FileDiff, Finding, Hunk, Side } from '../model.js';
import { createFinding } from './common/finding.js';
import { changedLines, hunkContext, markHunk, normaliseLine, removedLines } from './common/lines.js';
import { locate } from './common/location.js';
import { describePresence } from './common/wording.js';
import { defineClassifier } from './define.js';
import type { ClassifyContext } from './define.js';
import { isTestPath, isVendoredPath, isWorkflowPath } from './paths.js';
import { conventionOf, languageOf } from './tests/conventions.js';
import type { TestConvention } from './tests/conventions.js';
import { jobChanges } from './workflow/jobChanges.js';
import { droppedMatrixItems, separateSameDrops } from './workflow/matrix.js';
import { readWorkflowSides } from './workflow/wholeWorkflow.js';
import type { MatrixDrop } from './workflow/matrix.js';

/** Finding kinds of the removed-tests category. */
export type RemovedTestKind = 'test-removed' | 'test-file-deleted' | 'skip-added' | 'matrix-test-removed' | 'test-job-removed';

interface View {
  lines: string[];
  /** Line numbers of `lines` in that side's file. */
  numbers: number[];
  /** Indices of the lines only this side has. */
  changed: number[];
}

function viewOf(hunk: Hunk, side: 'upstream' | 'fork'): View {
  const view: View = { lines: [], numbers: [], changed: [] };
  let number = side === 'upstream' ? hunk.oldStart : hunk.newStart;
  for (const line of hunk.lines) {
    if (line.type === (side === 'upstream' ? 'add' : 'del')) continue;
    if (line.type !== 'normal') view.changed.push(view.lines.length);
    view.lines.push(line.content);
    view.numbers.push(number);
    number += 1;
  }
  return view;
}

/** Test names declared on this side's changed lines, each with its line number. */
const namesIn = (view: View, convention: TestConvention): { name: string; line: number }[] =>
  view.changed.flatMap((index) => convention.namesAt(view.lines, index).map((name) => ({ name, line: view.numbers[index] ?? 0 })));

function testFindings(file: FileDiff, convention: TestConvention, context: ClassifyContext): Finding[] {
  const removed = new Map<string, { hunks: Hunk[]; lines: number[] }>();
  const added = new Set<string>();
  for (const hunk of file.hunks) {
    for (const { name, line } of namesIn(viewOf(hunk, 'upstream'), convention)) {
      const entry = removed.get(name) ?? { hunks: [], lines: [] };
      entry.hunks.push(hunk);
      entry.lines.push(line);
      removed.set(name, entry);
    }
    for (const { name } of namesIn(viewOf(hunk, 'fork'), convention)) added.add(name);
  }
  const findings: Finding[] = [];
  for (const [name, { hunks, lines }] of removed) {
    // Removed in one hunk and declared again in another: moved or reordered, still run.
    if (added.has(name)) continue;
    for (const hunk of hunks) markHunk(hunk, 'removed-tests');
    const at = locate(file, context, { upstream: lines });
    findings.push(createFinding({
      category: 'removed-tests', kind: 'test-removed', path: file.path,
      message: describePresence({ thing: `test ${name}`, presentIn: 'upstream', side: at.side, neutral: `test ${name} removed from ${file.path}` }),
      identity: [name], ...at, confidence: 'high', details: { test: name, language: languageOf(file.path) },
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
      const at = locate(file, context, { fork: [fork.numbers[index]] });
      const test = target ? `test ${target}` : 'a test';
      findings.push(createFinding({
        category: 'removed-tests', kind: 'skip-added', path: file.path,
        message: skipMessage(at.side, test, normaliseLine(line), file.path),
        identity: [target, normaliseLine(line)], ...at, confidence: target ? 'high' : 'medium',
        details: { test: target ?? normaliseLine(line), evidence: normaliseLine(line) },
      }));
    }
  }
  return findings;
}

/** A skip only the fork has: the fork added it, or upstream removed it (the test runs again upstream). */
function skipMessage(side: Side, test: string, evidence: string, path: string): string {
  if (side === 'fork') return `fork skips ${test}: ${evidence}`;
  if (side === 'upstream') return `upstream removed a skip of ${test}, the fork still skips it: ${evidence}`;
  if (side === 'both') return `fork skips ${test}, where upstream changed it too: ${evidence}`;
  return `skip added to ${test} in ${path}: ${evidence}`;
}

function deletedFileFinding(file: FileDiff, convention: TestConvention | null, context: ClassifyContext): Finding[] {
  const names = convention ? [...new Set(file.hunks.flatMap((hunk) => namesIn(viewOf(hunk, 'upstream'), convention).map(({ name }) => name)))] : [];
  for (const hunk of file.hunks) markHunk(hunk, 'removed-tests');
  const at = locate(file, context, { upstream: file.hunks.flatMap(changedLines).map((line) => line.line) });
  const tests = names.length > 0 ? ` (${names.length} tests: ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''})` : '';
  return [createFinding({
    category: 'removed-tests', kind: 'test-file-deleted', path: file.path,
    message: describePresence({ thing: `test file ${file.path}${tests}`, presentIn: 'upstream', side: at.side, removed: 'deleted',
      neutral: `test file ${file.path} deleted${tests}` }),
    identity: [file.path], ...at, confidence: 'high', details: { test: file.path, tests: names },
  })];
}

/** Matrix dimensions that select what tests run, and jobs that run tests. */
const TEST_KEY = /^(tests?|suites?|pkgs?|packages?|workers?|shards?|typ|test[-_]?\w*|\w*[-_]tests?)$/i;
const ENVIRONMENT_KEY = /^(os|platforms?|python(-version)?|node(-version)?|go(-version)?|runtime|java(-version)?|jdk|toolchain)$/i;
const isTestJob = (job: string | null): boolean => job !== null && /test|e2e|integration|check|spec/i.test(job);
const isTestMatrix = (drop: MatrixDrop): boolean =>
  TEST_KEY.test(drop.key) || (isTestJob(drop.job) && ENVIRONMENT_KEY.test(drop.key)) || isTestJob(drop.job);

/** Commands that run a test suite, in a job's script or steps. */
const TEST_RUNNER = /\b(?:go test|gotestsum|npm (?:run )?test|yarn test|pnpm test|npx (?:vitest|jest|mocha)|vitest|jest|pytest|tox|nox|cargo (?:test|nextest)|make (?:\S+ )*test\S*|mvn (?:\S+ )*(?:test|verify)|gradle(?:w)? (?:\S+ )*test|ctest|runtest|rspec|phpunit|dotnet test|bats)\b/;

/** CI jobs upstream runs that the fork removed or commented out, when they run tests (by name or by command). */
function testJobFindings(file: FileDiff, sides: Awaited<ReturnType<typeof readWorkflowSides>>, context: ClassifyContext): Finding[] {
  if (file.status === 'added') return [];
  return jobChanges(file, sides).removed.filter((job) => isTestJob(job.name) || job.body.some((line) => TEST_RUNNER.test(line))).map((job) => {
    const at = locate(file, context, { upstream: [job.line], fork: [job.commentedLine] });
    const isCommentedOut = job.commentedLine !== null;
    for (const hunk of file.hunks) markHunk(hunk, 'removed-tests');
    return createFinding({
      category: 'removed-tests', kind: 'test-job-removed', path: file.path,
      message: describePresence({ thing: `test job "${job.name}"`, presentIn: 'upstream', side: at.side, isCommentedOut }),
      identity: [job.name], ...at, confidence: 'high', details: { test: job.name, job: job.name, commentedOut: isCommentedOut },
    });
  });
}

function matrixFindings(file: FileDiff, context: ClassifyContext, upstreamFile: readonly string[] | null): Finding[] {
  return file.hunks.flatMap((hunk) => droppedMatrixItems(hunk, upstreamFile).filter(isTestMatrix).map((drop) => {
    markHunk(hunk, 'removed-tests');
    const entry = `${drop.key}: ${drop.removed.join(', ')}`;
    const where = drop.job ? ` in job "${drop.job}"` : '';
    const at = locate(file, context, drop.lines);
    return createFinding({
      category: 'removed-tests', kind: 'matrix-test-removed', path: file.path,
      message: describePresence({ thing: `test matrix entry ${entry}${where}`, presentIn: 'upstream', side: at.side, isCommentedOut: drop.isCommentedOut,
        neutral: `test matrix entry ${entry} ${drop.isCommentedOut ? 'commented out' : 'removed'}${where}` }),
      identity: [drop.identityJob, entry], ...at, confidence: drop.job ? 'high' : 'medium',
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
  async classify(file, context) {
    if (isWorkflowPath(file.path)) {
      const sides = /\.ya?ml$/.test(file.path) && !file.isBinary ? await readWorkflowSides(file, context) : null;
      return [...testJobFindings(file, sides, context), ...separateSameDrops(matrixFindings(file, context, sides?.upstream.lines ?? null))];
    }
    const convention = conventionOf(file.path);
    if (file.status === 'deleted' && isTestPath(file.path)) return deletedFileFinding(file, convention, context);
    if (!convention || file.status === 'added') return [];
    return testFindings(file, convention, context);
  },
});
