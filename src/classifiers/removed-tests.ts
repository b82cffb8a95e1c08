// Test conventions: Go `func TestX(t *testing.T)` (https://pkg.go.dev/testing), vitest/jest/mocha, pytest, Rust #[test],
// JUnit, Tcl `test {name} {…}` (redis/valkey); see tests/conventions.ts.
import type { FileDiff, Finding } from '../model.js';
import { createFinding } from './common/finding.js';
import { changedLines, markHunk } from './common/lines.js';
import { locate } from './common/location.js';
import type { Located } from './common/location.js';
import { describePresence } from './common/wording.js';
import { defineClassifier } from './define.js';
import type { ClassifyContext } from './define.js';
import { isGeneratedPath, isTestPath, isVendoredPath, isWorkflowPath } from './paths.js';
import { conventionOf } from './tests/conventions.js';
import type { TestConvention } from './tests/conventions.js';
import { declaredNames, isGeneratedText } from './tests/declarations.js';
import { deletedFileFindings, isMovedAlready, isMovedAway, rememberAddedTests, rememberDeletedFile, rememberPresentFile } from './tests/renames.js';
import { hunkSegments, segmentsFor, wholeSegment } from './tests/segments.js';
import { testFindings } from './tests/testFindings.js';
import { calledWorkflows } from './workflow/calledWorkflows.js';
import { jobChanges } from './workflow/jobChanges.js';
import { droppedMatrixItems, separateSameDrops } from './workflow/matrix.js';
import { readWorkflowSides } from './workflow/wholeWorkflow.js';
import type { WorkflowSides } from './workflow/wholeWorkflow.js';
import type { MatrixDrop } from './workflow/matrix.js';

/** Finding kinds of the removed-tests category. */
export type RemovedTestKind = 'test-removed' | 'test-file-deleted' | 'test-files-deleted' | 'skip-added' | 'matrix-test-removed' | 'test-job-removed';

/** Tests of a deleted file wait for the end of the run, in case an added file holds them (see tests/renames.ts). */
async function deletedFile(file: FileDiff, convention: TestConvention | null, context: ClassifyContext): Promise<Finding[]> {
  // Each test once, at the line that declares it in upstream's file.
  const declared = new Map<string, number>();
  if (convention) for (const { name, line } of declaredNames(hunkSegments(file).upstream, convention)) if (!declared.has(name)) declared.set(name, line);
  const names = [...declared.keys()];
  // An empty file or a package's __init__.py that declares no test holds none (ckanext/…/tests/__init__.py); nor
  // does a file of helpers the fork moved (incus's lxd/db/query/dump_export_test.go, renamed three times).
  if (names.length === 0 && (file.deletions === 0 || /(?:^|\/)__init__\.py$/.test(file.path) || isMovedAway(file))) return [];
  if (isMovedAlready(file, names, context)) return [];
  for (const hunk of file.hunks) markHunk(hunk, 'removed-tests');
  const at = locate(file, context, { upstream: file.hunks.flatMap(changedLines).map((line) => line.line) });
  const added = at.side === 'both' && convention ? await addedSinceBase(file, names, convention, context) : [];
  // Tests upstream added since the merge base are ones the fork lacks, not ones it removed, wherever their lines came from.
  const each = new Map(added.map((name): [string, Located] => [name, { ...locate(file, context, { upstream: [declared.get(name) ?? 0] }), side: 'upstream' }]));
  rememberDeletedFile(file, names, at, context, each);
  return [];
}

/**
 * Of a deleted file's tests, those the merge base's file at the same path
 * does not declare: upstream added them since. None when the merge base has
 * no file there (upstream moved it since: pmbootstrap's tests the fork
 * deleted under their old path are the fork's removal).
 */
async function addedSinceBase(file: FileDiff, names: readonly string[], convention: TestConvention, context: ClassifyContext): Promise<string[]> {
  const base = await context.readFile('base', file.path);
  if (base === null) return [];
  const atBase = new Set(declaredNames([wholeSegment(base)], convention).map(({ name }) => name));
  return names.filter((name) => !atBase.has(name));
}

/** Is the file generated (its head says so, in the hunks or, in git mode, in the whole file)? */
async function isGenerated(file: FileDiff, context: ClassifyContext): Promise<boolean> {
  const heads = file.hunks.filter((hunk) => hunk.oldStart <= 1 || hunk.newStart <= 1).map((hunk) => hunk.lines.map((line) => line.content));
  if (heads.some(isGeneratedText)) return true;
  if (context.mode !== 'git') return false;
  for (const side of ['upstream', 'fork'] as const) {
    const text = await context.readFile(side, side === 'upstream' ? (file.oldPath ?? file.path) : file.path);
    if (text !== null && isGeneratedText(text.slice(0, 2000).split('\n'))) return true;
  }
  return false;
}

/** Matrix dimensions that select what tests run, and jobs that run tests. */
const TEST_KEY = /^(tests?|suites?|pkgs?|packages?|workers?|shards?|typ|test[-_]?\w*|\w*[-_]tests?)$/i;
const ENVIRONMENT_KEY = /^(os|platforms?|python(-version)?|node(-version)?|go(-version)?|runtime|java(-version)?|jdk|toolchain)$/i;
// Not `check`: a job named so lints, type-checks or checks the environment (crowdin's check-environment) as often as
// it tests; one that runs `make check` is read by its command instead.
const isTestJob = (job: string | null): boolean => job !== null && /test|e2e|integration|spec/i.test(job);
const isTestMatrix = (drop: MatrixDrop): boolean =>
  // An `exclude:` entry upstream has that the fork lacks takes a combination away upstream: the fork runs more, not less.
  drop.key !== 'exclude' && (TEST_KEY.test(drop.key) || (isTestJob(drop.job) && ENVIRONMENT_KEY.test(drop.key)) || isTestJob(drop.job));

/** Commands that run a test suite, in a job's script or steps. */
const TEST_RUNNER = /\b(?:go test|gotestsum|npm (?:run )?test|yarn test|pnpm test|npx (?:vitest|jest|mocha)|vitest|jest|pytest|tox|nox|cargo (?:test|nextest)|make (?:\S+ )*(?:test\S*|check)|mvn (?:\S+ )*(?:test|verify)|gradle(?:w)? (?:\S+ )*test|ctest|meson test|ninja (?:\S+ )*test|runtest|rspec|phpunit|dotnet test|bats)\b/;

const runsTests = (job: { name: string; body: readonly string[] }): boolean => isTestJob(job.name) || job.body.some((line) => TEST_RUNNER.test(line));

/**
 * CI jobs upstream runs that the fork removed or commented out, when they
 * run tests (by name or by command). Where the fork's workflow now calls a
 * reusable workflow of its own that runs tests, the job likely moved there
 * (paperless-ngx's `tests` job became `tests-backend` in
 * reusable-ci-backend.yml, called by a `ci-backend` job): the finding says
 * so, as a doubt, under the same identity.
 */
async function testJobFindings(file: FileDiff, sides: WorkflowSides, context: ClassifyContext): Promise<Finding[]> {
  if (file.status === 'added') return [];
  const removed = jobChanges(file, sides, (text) => context.translate(text)).removed.filter(runsTests);
  if (removed.length === 0) return [];
  const testing = (await calledWorkflows(sides?.fork.lines ?? [], context))
    .map(({ path, jobs }) => ({ path, jobs: jobs.filter(runsTests).map(({ name }) => name) }))
    .filter(({ jobs }) => jobs.length > 0);
  const elsewhere = testing.map(({ path, jobs }) => `${path} (${jobs.join(', ')})`).join(', ');
  return removed.map((job) => {
    const at = locate(file, context, { upstream: [job.line], fork: [job.commentedLine] });
    const isCommentedOut = job.commentedLine !== null;
    for (const hunk of file.hunks) markHunk(hunk, 'removed-tests');
    const message = describePresence({ thing: `test job "${job.name}"`, presentIn: 'upstream', side: at.side, isCommentedOut });
    return createFinding({
      category: 'removed-tests', kind: 'test-job-removed', path: file.path,
      message: testing.length > 0 ? `${message}; the workflow now calls ${elsewhere}, which run${testing.length === 1 && testing[0]?.jobs.length === 1 ? 's' : ''} tests` : message,
      identity: [job.name], ...at, confidence: testing.length > 0 ? 'low' : 'high',
      details: { test: job.name, job: job.name, commentedOut: isCommentedOut, ...(testing.length > 0 ? { calledTests: testing } : {}) },
    });
  });
}

function matrixFindings(file: FileDiff, context: ClassifyContext, upstreamFile: readonly string[] | null): Finding[] {
  return file.hunks.flatMap((hunk) => droppedMatrixItems(hunk, upstreamFile, (text) => context.translate(text)).filter(isTestMatrix).map((drop) => {
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
  // Rust keeps unit tests inside source files; vendored and generated code is never the project's tests.
  matches: (file) => !file.isBinary && !isVendoredPath(file.path) && !isGeneratedPath(file.path) &&
    (isTestPath(file.path) || isWorkflowPath(file.path) || file.path.endsWith('.rs')),
  async classify(file, context) {
    if (isWorkflowPath(file.path)) {
      const sides = /\.ya?ml$/.test(file.path) && !file.isBinary ? await readWorkflowSides(file, context) : null;
      return [...(await testJobFindings(file, sides, context)), ...separateSameDrops(matrixFindings(file, context, sides?.upstream.lines ?? null))];
    }
    const convention = conventionOf(file.path);
    if (file.status === 'deleted' && isTestPath(file.path)) return deletedFile(file, convention, context);
    rememberPresentFile(file, context);
    if (!convention) return [];
    if (file.status === 'added') {
      rememberAddedTests(file, declaredNames(hunkSegments(file).fork, convention).map(({ name }) => name), context);
      return [];
    }
    const findings = testFindings(file, convention, await segmentsFor(file, convention, context), context);
    return findings.length > 0 && (await isGenerated(file, context)) ? [] : findings;
  },
  finish: (context) => deletedFileFindings(context),
});
