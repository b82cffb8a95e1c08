// Source hunks where the fork lacks code that fixes something (guards, locks, context checks, error handling).
// Reads unified diff hunks (https://www.gnu.org/software/diffutils/manual/html_node/Detailed-Unified.html).
import { fingerprint } from '../fingerprint.js';
import type { Confidence, FileDiff, Finding, Hunk, Side } from '../model.js';
import { createFinding } from './common/finding.js';
import { commitsOfSide, locate } from './common/location.js';
import { markHunk } from './common/lines.js';
import { defineClassifier } from './define.js';
import type { ClassifyContext } from './define.js';
import { branchLines } from './fixes/branches.js';
import { commitEvidence } from './fixes/commitEvidence.js';
import type { CommitEvidence } from './fixes/commitEvidence.js';
import { droppedClauses } from './fixes/droppedClauses.js';
import { proseLines } from './fixes/docstrings.js';
import { isPythonPath } from './fixes/annotations.js';
import { isComponentPath, styleBlockLines } from './fixes/styleBlocks.js';
import { isRustPath, rustTestLines, rustTestLinesOfHunks } from './fixes/rustTests.js';
import { definedName, isDeletedFunction } from './fixes/deletedFunctions.js';
import { withoutBothAddedSubjectOnly } from './fixes/bothAdded.js';
import { withoutFindings } from './fixes/withoutFindings.js';
import { isInert, missingRuns, normalisedAdded } from './fixes/evidence.js';
import { SIGNAL_LABELS, STRONG_SIGNALS, signalsOf } from './fixes/signals.js';
import type { FixSignal } from './fixes/signals.js';
import { isSourcePath } from './paths.js';
import { plural } from '../text/plural.js';

/** Stylesheets: no guard to lose, and a styling fix is listed with the commits the fork lacks. */
const IS_STYLESHEET = /\.(?:css|scss|sass|less|styl)$/;

/**
 * Data and configuration (JSON, YAML, TOML, INI, XML, CSV, translations,
 * dotfiles like `.gitignore`): no guard to lose either. Only a fix commit's
 * authorship could flag their lines, and a fix's new translation string
 * (uptime-kuma's en.json), its mkdocs.yml entry or its data table row
 * (netbox, buildkit's dependabot.yml) is not the fix: the commit is listed
 * with the commits the fork lacks, its code in this category.
 */
const IS_DATA = /\.(?:json|jsonc|json5|ya?ml|toml|ini|cfg|conf|xml|csv|tsv|properties|po|pot|plist|svg)$|(?:^|\/)\.[^/.]+$/;

/** Helpers for tests, fixtures, mocks, example programs, build output (`dist/`, minified files, source maps) and generated code: a missing guard there fixes nothing shipped, or is a fix of its source. */
const IS_SUPPORT_CODE = /(^|\/)(testutils?|testing|testdata|fixtures?|mocks?|__mocks__|e2e|examples?|_examples|samples?|dist)\/|_mock\.go$|(^|\/)mock_[^/]*$|\.pb\.go$|_generated\.\w+$|\.min\.(?:js|css)$|\.(?:js|css)\.map$/;

/** Type declarations alone (TypeScript's `.d.ts`, Python's `.pyi` stubs): what they lack is a type, never a fix. */
const IS_TYPE_DECLARATIONS = /\.d\.[cm]?ts$|\.pyi$/;

/** Signal order when naming the finding: the most specific first. */
const SIGNAL_ORDER: readonly FixSignal[] = ['nil-check', 'lock', 'context-check', 'bounds-check', 'dropped-clause', 'zero-check', 'guard', 'error-handling', 'early-exit', 'fix-commit'];

/** Large removed blocks are features more often than fixes. */
const LARGE_BLOCK = 8;
const TOO_LARGE_FOR_WEAK = 12;
const MAX_SNIPPET = 120;

/** Past this many missing lines, a fix commit alone, or with a weak signal, is not evidence enough: it changed more than a fix. */
const TOO_LARGE_FOR_COMMIT = 40;

/**
 * How sure we are that the missing lines are a fix: by their shape (strong
 * signals such as a nil check or a lock, weak ones such as a bare guard), by
 * their size, and in git mode by the commits that wrote them: a commit that
 * says it fixes something makes a finding of lines without any signal, and
 * feature work makes a guard-shaped block doubtful.
 */
function confidenceOf(signals: ReadonlySet<FixSignal>, size: number, commits: readonly string[], evidence: CommitEvidence | null): Confidence | null {
  const isStrong = hasStrongSignal(signals);
  const isFixCommit = (evidence?.fixes.length ?? 0) > 0;
  if (!hasSignal(signals)) {
    if (!isFixCommit || size > TOO_LARGE_FOR_COMMIT) return null;
    return evidence?.isSecurity ? 'high' : 'medium';
  }
  if (evidence?.isFeatureOnly) return isStrong && size <= LARGE_BLOCK ? 'low' : null;
  if (!isStrong) {
    // A weak signal (a bare guard, error handling) adds little to a fix commit's word in a block this size: it changed more than a fix.
    if (isFixCommit) return size > TOO_LARGE_FOR_COMMIT ? null : 'medium';
    return size > TOO_LARGE_FOR_WEAK ? null : 'low';
  }
  if (size > LARGE_BLOCK) return isFixCommit ? 'medium' : 'low';
  return commits.length > 0 ? 'high' : 'medium';
}

const hasStrongSignal = (signals: ReadonlySet<FixSignal>): boolean => [...signals].some((signal) => STRONG_SIGNALS.has(signal));

/** Whether lines carry a signal of their own (strong or weak), which is what `confidenceOf` reads first. */
const hasSignal = (signals: ReadonlySet<FixSignal>): boolean => signals.has('guard') || signals.has('error-handling') || hasStrongSignal(signals);

/**
 * Who took the fix out: upstream added it and the fork lacks it, or the fork
 * removed what the base had (a revert, a rebase that dropped it).
 */
function messageOf(side: Side, label: string, what: string): string {
  if (side === 'fork') return `fork removed ${label}: ${what}`;
  if (side === 'both') return `fork lacks upstream ${label} (both sides changed these lines): ${what}`;
  return `fork lacks upstream ${label}: ${what}`;
}

/** `if ref == nil { continue }`: the run from its first fix-shaped line, a few lines long. */
function snippetOf(runs: readonly string[][], lead: FixSignal, isLead: (line: string) => boolean): string {
  const run = runs.find((lines) => lines.some(isLead)) ?? runs[0] ?? [];
  // Strong signals lead the snippet; weak ones (a fix commit's lines too) read better with the block that frames them.
  const start = STRONG_SIGNALS.has(lead) ? Math.max(0, run.findIndex(isLead)) : 0;
  const snippet = run.slice(start, start + 5).join(' ');
  const more = runs.flat().filter((line) => !isInert(line)).length - run.slice(start, start + 5).filter((line) => !isInert(line)).length;
  const shown = snippet.length > MAX_SNIPPET ? `${snippet.slice(0, MAX_SNIPPET - 1)}…` : snippet;
  return more > 0 ? `${shown} (+${plural(more, 'more line')})` : shown;
}

/** One hunk's lines are read for signals up to three times (signals, lead run, its start): once each. */
function memoised<T>(read: (line: string) => T): (line: string) => T {
  const known = new Map<string, T>();
  return (line) => {
    const found = known.get(line);
    if (found !== undefined) return found;
    const value = read(line);
    known.set(line, value);
    return value;
  };
}

function hunkFinding(file: FileDiff, hunk: Hunk, forkOnly: readonly string[], forkLines: ReadonlySet<string>, context: ClassifyContext, isNotCode: (line: number) => boolean): Finding | null {
  const numbered = missingRuns(hunk, forkLines, forkOnly, isNotCode, file.path);
  const evidenceLines = numbered.flat().filter(({ text }) => !isInert(text));
  // What the fork lacks: a line that is not missing (re-flowed, imported, unannotated, a type) is evidence's context, never its signal or side.
  const lacked = evidenceLines.filter(({ notMissing }) => notMissing === undefined);
  // Most hunks of a large diff lack nothing: no signals or clauses to read then.
  if (lacked.length === 0) return null;
  const signalsOfLine = memoised(signalsOf);
  const inBranch = branchLines(hunk);
  const signals = new Set(lacked.flatMap(({ text, line }) => signalsOfLine(text).filter((signal) => signal !== 'early-exit' || inBranch(line))));
  const dropped = droppedClauses(lacked.map(({ text }) => text), forkOnly);
  if (dropped.length > 0) signals.add('dropped-clause');
  // Only a commit that says it fixes something makes lines without a signal a finding, and a saved diff has none.
  if (context.mode !== 'git' && !hasSignal(signals)) return null;
  const at = locate(file, context, { upstream: lacked.map(({ line }) => line) });
  const subjects = commitEvidence(at.commits, context.commitSubject);
  // Only the commits that wrote upstream's lines can say they fixed something; a fork commit removed them
  // (where both sides changed a hunk, a fork's own fix of the same lines is no upstream fix the fork lacks).
  const fromCommits = at.side === 'upstream' ? subjects
    : at.side === 'both' ? commitEvidence(commitsOfSide(file, context, 'upstream', lacked.map(({ line }) => line), 'upstream'), context.commitSubject)
    : null;
  // A fork commit that reworks the code (a cleanup, a move, a helper) took a guard's line out more often than the guard.
  const byRework = at.side === 'fork' && subjects.isReworkOnly;
  // Upstream commits that only say they rework the code (a refactor, types satisfied) wrote a guard as part of
  // that: misskey's `refactor(frontend): フロントエンドの型エラー解消` narrowing `chartEl.value` for the type checker. A doubt, not a fix.
  const isUpstreamRework = fromCommits?.isReworkOnly === true;
  const found = confidenceOf(signals, lacked.length, at.commits, fromCommits);
  if (!found) return null;
  const confidence = byRework ? 'low' : isUpstreamRework && found === 'high' ? 'medium' : found;
  const runs = numbered.map((run) => run.map(({ text }) => text));
  const evidence = evidenceLines.map(({ text }) => text);
  if ((fromCommits?.fixes.length ?? 0) > 0) signals.add('fix-commit');
  const lead = SIGNAL_ORDER.find((signal) => signals.has(signal)) ?? 'guard';
  // `newDgst == lastDgst, in if !ok || newDgst == lastDgst {`: the clause, then where it was.
  // A fix commit leads with the lines it wrote, not the fork's own edits around them (a translated label).
  const fixShas: ReadonlySet<string> = fromCommits?.fixShas ?? new Set();
  const facts = lead === 'fix-commit' ? context.linesOf(file)?.upstream : undefined;
  const fixTexts = new Set(lacked.filter(({ line }) => facts?.get(line)?.commits.some((sha) => fixShas.has(sha)) === true).map(({ text }) => text));
  const isLead = lead === 'fix-commit' ? (line: string) => fixTexts.has(line) : (line: string) => signalsOfLine(line).includes(lead);
  const what = lead === 'dropped-clause' ? `${dropped.join(', ')}, in ${snippetOf(runs, lead, isLead)}` : snippetOf(runs, lead, isLead);
  markHunk(hunk, 'reverted-fixes');
  // The commits that say they fix something lead: the report names a finding's first commit.
  const commits = [...at.commits.filter((sha) => fixShas.has(sha)), ...at.commits.filter((sha) => !fixShas.has(sha))];
  return createFinding({
    category: 'reverted-fixes', kind: 'missing-fix', path: file.path,
    message: messageOf(at.side, SIGNAL_LABELS[lead], what),
    identity: [evidence.join('\n')], ...at, commits, confidence,
    details: {
      evidence, signals: SIGNAL_ORDER.filter((signal) => signals.has(signal)), hunk: hunk.header,
      ...(dropped.length > 0 ? { droppedClauses: dropped } : {}),
      ...(fromCommits && fromCommits.fixes.length > 0 ? { fixCommits: fromCommits.fixes } : {}),
    },
  });
}

/**
 * Leaves out what the fork removed with the function that held it (see
 * deletedFunctions.ts): asked of the fork's whole file, in git mode, where
 * sides say the fork removed the lines. The hunk keeps no category then.
 */
async function withoutDeletedFunctions(findings: Finding[], file: FileDiff, context: ClassifyContext): Promise<Finding[]> {
  const evidenceOf = (finding: Finding): string[] => (Array.isArray(finding.details['evidence']) ? (finding.details['evidence'] as string[]) : []);
  const isCandidate = (finding: Finding): boolean => finding.side === 'fork' && definedName(evidenceOf(finding)[0] ?? '') !== null;
  if (!findings.some(isCandidate)) return findings;
  const forkText = await context.readFile('fork', file.path);
  if (forkText === null) return findings;
  return withoutFindings(findings, new Set(findings.filter((finding) => isCandidate(finding) && isDeletedFunction(evidenceOf(finding), forkText))), file);
}

const NO_LINES: ReadonlySet<number> = new Set();

/**
 * Upstream's lines that are no shipped code, when some hunk removed a line:
 * in git mode, a Python file's docstrings, a component's <style> blocks, a
 * Rust file's items compiled for tests alone (the whole file says where a
 * block starts; a hunk may begin inside one); in a saved diff, Rust's test
 * items as the hunks show them. None otherwise.
 */
async function notCodeOf(file: FileDiff, context: ClassifyContext): Promise<ReadonlySet<number>> {
  if (!file.hunks.some((hunk) => hunk.lines.some((line) => line.type === 'del'))) return NO_LINES;
  if (context.mode !== 'git') return isRustPath(file.path) ? rustTestLinesOfHunks(file.hunks) : NO_LINES;
  const read = isPythonPath(file.path) ? proseLines : isComponentPath(file.path) ? styleBlockLines : isRustPath(file.path) ? rustTestLines : null;
  if (read === null) return NO_LINES;
  const text = await context.readFile('upstream', file.oldPath ?? file.path);
  return text === null ? NO_LINES : read(text);
}

export default defineClassifier({
  id: 'reverted-fixes',
  title: 'Reverted or missing fixes',
  isPathCategory: false,
  matches: (file) => !file.isBinary && isSourcePath(file.path) && !IS_STYLESHEET.test(file.path) && !IS_DATA.test(file.path) && !IS_TYPE_DECLARATIONS.test(file.path),
  async classify(file, context) {
    // New fork files hold no upstream code; a whole deleted file is reported as such elsewhere.
    if (file.status === 'added' || file.status === 'deleted' || IS_SUPPORT_CODE.test(file.path)) return [];
    const added = file.hunks.map(normalisedAdded);
    // Lines the fork has anywhere in the file: moved code is not missing code.
    const forkLines = new Set(added.flat());
    const notCode = await notCodeOf(file, context);
    const found = file.hunks
      .map((hunk, index) => hunkFinding(file, hunk, added[index] ?? [], forkLines, context, (line) => notCode.has(line)))
      .filter((finding): finding is Finding => finding !== null);
    const findings = await withoutBothAddedSubjectOnly(await withoutDeletedFunctions(found, file, context), file, context);
    // The same missing lines in two hunks of one file are two drifts: number the repeats, in file order.
    const seen = new Map<string, number>();
    for (const finding of findings) {
      const count = seen.get(finding.fingerprint) ?? 0;
      seen.set(finding.fingerprint, count + 1);
      if (count > 0) finding.fingerprint = fingerprint(finding.fingerprint, count + 1);
    }
    return findings;
  },
});
