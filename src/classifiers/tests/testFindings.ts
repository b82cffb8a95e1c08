import type { FileDiff, Finding, Side } from '../../model.js';
import { createFinding } from '../common/finding.js';
import { normaliseLine } from '../../text/normaliseLine.js';
import { markHunk } from '../common/lines.js';
import { locate } from '../common/location.js';
import { describePresence } from '../common/wording.js';
import type { ClassifyContext } from '../define.js';
import type { TestConvention } from './conventions.js';
import { languageOf } from './conventions.js';
import { testsInRenamedSuites } from './c.js';
import { commentedOutNames, declaredNames, parentOf } from './declarations.js';
import { hunkAt } from './segments.js';
import type { Sides } from './segments.js';
import { appendTo } from '../../multiMap.js';
import { forkNamesOf, productPattern } from './renames.js';

/**
 * Tests upstream declares on lines the fork lacks and the fork declares
 * nowhere in the diff (a test only moved or reformatted is still run), and
 * skips only the fork has. A removed class or parametrized function stands
 * for its methods and cases; a test the fork kept as a comment reads as
 * commented out.
 */
export function testFindings(file: FileDiff, convention: TestConvention, sides: Sides, context: ClassifyContext): Finding[] {
  const removed = new Map<string, number[]>();
  for (const { name, line } of declaredNames(sides.upstream, convention)) appendTo(removed, name, line);
  const upstreamNames = [...removed.keys()];
  const added = new Set(declaredNames(sides.fork, convention).map(({ name }) => name));
  // The fork may declare it under its own name for the product (`redis-cli …` → `valkey-cli …`).
  for (const name of [...removed.keys()]) if (forkNamesOf(name, context).some((each) => added.has(each))) removed.delete(name);
  // Or with the product renamed otherwise than in its paths (tofu-ls: `terraform` → `tofu` in paths, `opentofu` in names).
  const forkOwn = newInFork(added, upstreamNames, context);
  const forkOwnNames = [...forkOwn];
  for (const name of [...removed.keys()]) {
    const pattern = productPattern(name, context);
    if (pattern && forkOwnNames.some((each) => pattern.test(each))) removed.delete(name);
  }
  // Or run with parameters the fork added to its name (valkey's `All replicas share one global replication buffer dualchannel $dualchannel`).
  for (const name of [...removed.keys()]) if (forkOwnNames.some((each) => isParametrizedFrom(each, name))) removed.delete(name);
  // Or under the same name in other letter case (etcd's `TestGrpcProxyTLSVersions`, OpenShift's `TestGrpcProxyTlsVersions`).
  const forkOwnFolded = new Set(forkOwnNames.map((each) => each.toLowerCase()));
  for (const name of [...removed.keys()]) if (forkOwnFolded.has(name.toLowerCase())) removed.delete(name);
  // Or in a class of its own (fdroidserver: `UpdateTest::test_get_apks_…` → `TestGetApksWithoutAllowedSignatures::test_get_apks_…`).
  const movedMethods = methodsInNewClasses(added, new Set(upstreamNames));
  for (const name of [...removed.keys()]) if (movedMethods.has(methodOf(name) ?? '')) removed.delete(name);
  // Or in a C suite upstream renamed (dqlite's `/vfs_extra/open`, cowsql's `/vfs/open`).
  if (languageOf(file.path) === 'c') for (const name of testsInRenamedSuites([...removed.keys()], forkOwn)) removed.delete(name);
  const commented = commentedOutNames(sides.fork, convention);
  const members = new Map<string, string[]>();
  for (const name of removed.keys()) {
    const parent = parentOf(name, new Set(removed.keys()));
    if (parent === null) continue;
    appendTo(members, parent, name);
    removed.delete(name);
  }
  const findings: Finding[] = [];
  for (const [name, lines] of removed) {
    for (const line of lines) {
      const hunk = hunkAt(file, 'upstream', line);
      if (hunk) markHunk(hunk, 'removed-tests');
    }
    const commentedAt = forkNamesOf(name, context).map((each) => commented.get(each)).find((at) => at !== undefined);
    const isCommentedOut = commentedAt !== undefined;
    const at = locate(file, context, { upstream: lines, fork: [commentedAt] });
    const tests = members.get(name) ?? [];
    findings.push(createFinding({
      category: 'removed-tests', kind: 'test-removed', path: file.path,
      message: describePresence({ thing: `test ${name}`, presentIn: 'upstream', side: at.side, isCommentedOut,
        neutral: `test ${name} ${isCommentedOut ? 'commented out in' : 'removed from'} ${file.path}` }),
      identity: [name], ...at, confidence: 'high',
      details: { test: name, language: languageOf(file.path), ...(isCommentedOut ? { commentedOut: true } : {}), ...(tests.length > 0 ? { tests } : {}) },
    }));
  }
  return [...findings, ...skipFindings(file, convention, sides, context, forkOwn)];
}

/**
 * Whether a fork's test name is upstream's run with parameters: upstream's
 * name, then text that interpolates a variable (Tcl's or a JS template's
 * `$x`), as valkey runs redis's replication tests once per
 * `foreach dualchannel {"yes" "no"}`.
 */
const isParametrizedFrom = (forkName: string, name: string): boolean =>
  forkName.length > name.length && forkName.startsWith(name) && /\$\{?\w/.test(forkName.slice(name.length)) && !/\$\{?\w/.test(name);

/** `test_x` of `Class::test_x`; null for a test outside a class. */
const methodOf = (name: string): string | null => {
  const at = name.lastIndexOf('::');
  return at > 0 ? name.slice(at + 2) : null;
};

/**
 * Method names of the classes the fork declares anew: on lines of its own,
 * under a name upstream's lines do not declare. A test moved into one still
 * runs. A class both tips have is no evidence (netbox's filterset test cases
 * all have a `test_q`, a `test_role`).
 */
function methodsInNewClasses(forkNames: ReadonlySet<string>, upstreamNames: ReadonlySet<string>): Set<string> {
  const methods = new Set<string>();
  for (const name of forkNames) {
    const method = methodOf(name);
    const klass = method === null ? null : name.slice(0, -(method.length + 2));
    if (method !== null && klass !== null && forkNames.has(klass) && !upstreamNames.has(klass) && !upstreamNames.has(name)) methods.add(method);
  }
  return methods;
}

/** Tests the fork declares on lines of its own that upstream declares under no name: the fork's own tests, not upstream's. */
function newInFork(forkNames: ReadonlySet<string>, upstreamNames: Iterable<string>, context: ClassifyContext): Set<string> {
  const fresh = new Set(forkNames);
  for (const name of upstreamNames) for (const each of forkNamesOf(name, context)) fresh.delete(each);
  return fresh;
}

/**
 * Skips only the fork has, of upstream's tests: a skip in a test the fork
 * added itself (a new test tagged `external:skip`) stops no upstream test.
 */
function skipFindings(file: FileDiff, convention: TestConvention, sides: Sides, context: ClassifyContext, forkOwn: ReadonlySet<string>): Finding[] {
  const upstreamLines = new Set<string>();
  for (const segment of sides.upstream) {
    for (const index of segment.changed) {
      const line = normaliseLine(segment.lines[index] ?? '');
      upstreamLines.add(line).add(context.translate(line));
    }
  }
  const findings: Finding[] = [];
  for (const segment of sides.fork) {
    for (const index of segment.changed) {
      const line = segment.lines[index] ?? '';
      if (!convention.isSkip(line) || upstreamLines.has(normaliseLine(line))) continue;
      const target = convention.skipTarget(segment.lines, index, segment.context);
      if (target !== null && forkOwn.has(target)) continue;
      const number = segment.numbers[index] ?? 0;
      const hunk = hunkAt(file, 'fork', number);
      if (hunk) markHunk(hunk, 'removed-tests');
      const at = locate(file, context, { fork: [number] });
      const test = target ? `test ${target}` : 'a test';
      const evidence = wholeCall(segment.lines, index);
      findings.push(createFinding({
        category: 'removed-tests', kind: 'skip-added', path: file.path,
        message: skipMessage(at.side, test, evidence, file.path),
        identity: [target, normaliseLine(line)], ...at, confidence: target ? 'high' : 'medium',
        details: { test: target ?? normaliseLine(line), evidence },
      }));
    }
  }
  return findings;
}

/** Lines a skip's call may span: its condition and reason (Playwright's `test.skip(\n  version === "5.0",\n  "not supported",\n);`). */
const MAX_CALL_LINES = 6;

/**
 * A skip's line that ends by opening its call, joined with the arguments'
 * lines up to the call's close, if it comes soon; not a test's body
 * (`test.skip('x', async () => {`).
 */
export function wholeCall(lines: readonly string[], index: number): string {
  const first = normaliseLine(lines[index] ?? '');
  if (!first.endsWith('(')) return first;
  const depth = (text: string): number => (text.match(/\(/g)?.length ?? 0) - (text.match(/\)/g)?.length ?? 0);
  let open = depth(first);
  const parts = [first];
  for (let next = index + 1; next < Math.min(lines.length, index + MAX_CALL_LINES); next += 1) {
    const part = normaliseLine(lines[next] ?? '');
    if (part.includes('{')) return first;
    parts.push(part);
    open += depth(part);
    if (open <= 0) return parts.join(' ').replace(/\(\s+/g, '(').replace(/,?\s+\)/g, ')');
  }
  return first;
}

/** A skip only the fork has: the fork added it, or upstream removed it (the test runs again upstream). */
function skipMessage(side: Side, test: string, evidence: string, path: string): string {
  if (side === 'fork') return `fork skips ${test}: ${evidence}`;
  if (side === 'upstream') return `upstream removed a skip of ${test}, the fork still skips it: ${evidence}`;
  if (side === 'both') return `fork skips ${test}, where upstream changed it too: ${evidence}`;
  return `skip added to ${test} in ${path}: ${evidence}`;
}
