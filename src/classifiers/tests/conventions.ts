// How each language declares and skips tests: Go (https://pkg.go.dev/testing), JS/TS (vitest, jest,
// mocha), Python (pytest, unittest: tests/python.ts), Rust (#[test], #[ignore]), Java/Kotlin (JUnit @Test,
// @Disabled), Tcl (redis/valkey `test {name} {…}`: tests/tcl.ts), C and C++ (munit, GLib, GoogleTest…: tests/c.ts).
import { cConvention } from './c.js';
import { python } from './python.js';
import { tcl } from './tcl.js';

export const TEST_LANGUAGES = ['go', 'js', 'python', 'rust', 'java', 'tcl', 'c'] as const;
export type TestLanguage = (typeof TEST_LANGUAGES)[number];

export interface TestConvention {
  /** Markers of a line comment, to tell a test commented out from one deleted. */
  commentMarkers: readonly string[];
  /**
   * Test names the line at `index` declares or registers (may look at the
   * lines around it, and at the function context git printed for the hunk).
   */
  namesAt(lines: readonly string[], index: number, hunkContext: string): string[];
  /** Does this line mark a test skipped or ignored? */
  isSkip(line: string): boolean;
  /** The test a skip marker at `index` applies to. */
  skipTarget(lines: readonly string[], index: number, hunkContext: string): string | null;
  /** Does a name at `index` depend on lines out of view (a class, a decorator above the hunk)? */
  needsWholeFile?(lines: readonly string[], index: number, hunkContext: string): boolean;
}

const firstMatch = (pattern: RegExp, text: string): string | null => pattern.exec(text)?.[1] ?? null;

/** The first name `pattern` finds in the next few non-blank, non-attribute lines. */
function nameBelow(lines: readonly string[], index: number, pattern: RegExp, attribute: RegExp): string | null {
  for (let i = index + 1; i < Math.min(lines.length, index + 6); i += 1) {
    const line = lines[i] ?? '';
    const name = firstMatch(pattern, line);
    if (name) return name;
    if (line.trim() !== '' && !attribute.test(line)) return null;
  }
  return null;
}

const GO_FUNC = /^func\s+((?:Test|Fuzz)\w*|test[A-Z0-9_]\w*)\s*\(\s*\w+\s+\*testing\.[TF]\b/;
/** A bare identifier in a registration list, e.g. `integration.Run(t, []Test{ testA, testB, })`. */
const GO_REGISTERED = /^\s*(test[A-Z0-9_]\w*|Test[A-Z0-9_]\w*),?\s*(\/\/.*)?$/;
/** `t.Run("name", …)`; a name built at run time (`"manifest-"+tc.mt`) is no name a removal could be told by. */
const GO_SUBTEST = /\bt\.Run\(\s*"([^"]+)"\s*,/;
/**
 * A case of a table-driven test, `{name: "empty input", in: ""},` or a
 * `name: "…",` line of a multi-line case: the name `t.Run(tc.name, …)` runs it
 * under. Lower-case keys only: exported `Name:` fields are mostly fixture data.
 */
const GO_TABLE_CASE = /^\s*\{?\s*(?:name|desc|description|title|testName|scenario)\s*:\s*"((?:[^"\\]|\\.)+)"/;

/**
 * A Ginkgo spec or container (`It("…", func() {`, `Describe`, `Context`,
 * `When`, `Specify`, `Entry`, `DescribeTable`, focused `F…` and pending
 * `P…`/`X…` ones), named by its string, or by the format of a
 * `fmt.Sprintf("[%s] generates a correct chain", ver)` as written.
 */
const GO_GINKGO_NODE = /^\s*(?:var\s+_\s*=\s*)?(?:ginkgo\.)?[FPX]?(?:Describe(?:Table)?|Context|When|It|Specify|Entry)\(\s*(?:fmt\.Sprintf\(\s*)?"((?:[^"\\]|\\.)+)"/;
/** A Ginkgo spec itself, not a container of specs. */
const GO_GINKGO_SPEC = /^\s*(?:ginkgo\.)?[FPX]?(?:It|Specify|Entry)\(/;
/** A function's name, methods' too. */
const GO_FUNC_NAME = /^func\s+(?:\([^)]*\)\s*)?(\w+)\s*\(/;
/** Where a Ginkgo suite declares its specs: `var _ = Describe("…", func() {`, at the top level. */
const GO_GINKGO_SUITE = /^var\s+_\s*=\s*(?:ginkgo\.)?[FPX]?Describe(?:Table)?\(/;

/** A line that opens a call or a list (`integration.TestFuncs(`, `tests := []func(t *testing.T){`), not a keyed element (`"partner provider": {`). */
const GO_LIST_OPENER = /[({]\s*$/;
const GO_KEYED_ELEMENT = /^\s*(?:"(?:[^"\\]|\\.)*"|\w+)\s*:\s*\{\s*$/;

/** The nearest line before (-1) or after (1) `index` that is neither blank nor a comment (buildkit heads each group of its list with the file it is in). */
const neighbour = (lines: readonly string[], index: number, step: -1 | 1): string | null => {
  for (let at = index + step; at >= 0 && at < lines.length; at += step) {
    const text = (lines[at] ?? '').trim();
    if (text !== '' && !text.startsWith('//')) return lines[at] ?? '';
  }
  return null;
};

/**
 * A bare `testX,` names a registered test only inside a list of them: beside
 * another, or first after the list's opening. A positional field of a
 * table's case (opentofu's `"partner provider": {` then
 * `testAuthorSignatureGoodBase64,`, a key's value) is data.
 */
function registeredAt(lines: readonly string[], index: number): string | null {
  const name = firstMatch(GO_REGISTERED, lines[index] ?? '');
  if (name === null) return null;
  const before = neighbour(lines, index, -1);
  const after = neighbour(lines, index, 1);
  const isListed = (line: string | null): boolean => line !== null && GO_REGISTERED.test(line);
  const opensList = before !== null && GO_LIST_OPENER.test(before) && !GO_KEYED_ELEMENT.test(before);
  return isListed(before) || isListed(after) || opensList ? name : null;
}

/** A top-level declaration: where the function or table a case sits in begins. */
const GO_DECLARATION = /^(?:func|var|const|type)\b/;

/**
 * The test function a subtest or table case sits in: the nearest top-level
 * declaration above it, in the lines in view, else git's function context
 * for the hunk. Null when that declaration is no test function (a table at
 * package level, a helper), undefined when none is in view.
 */
const enclosingTest = (lines: readonly string[], index: number, context: string): string | null | undefined => {
  for (let at = index - 1; at >= 0; at -= 1) {
    const line = lines[at] ?? '';
    if (GO_DECLARATION.test(line)) return firstMatch(GO_FUNC, line);
  }
  return GO_DECLARATION.test(context) ? firstMatch(GO_FUNC, context) : undefined;
};

/** Does the top-level declaration above `index` (or the hunk's function context) declare a Ginkgo suite? */
const isInGinkgoSuite = (lines: readonly string[], index: number, context: string): boolean => {
  for (let at = index - 1; at >= 0; at -= 1) {
    const line = lines[at] ?? '';
    if (GO_DECLARATION.test(line)) return GO_GINKGO_SUITE.test(line);
  }
  return GO_GINKGO_SUITE.test(context);
};

/** A `t.Run` subtest's or a table case's own name, on a line that declares no test function. */
const goCaseAt = (line: string): string | null => (GO_FUNC.test(line) ? null : (firstMatch(GO_SUBTEST, line) ?? firstMatch(GO_TABLE_CASE, line)));

const go: TestConvention = {
  commentMarkers: ['//'],
  /**
   * A subtest or table case is named as `go test -run` names it, under its
   * test function (`TestTLSKeyLog/Bad Path`): a case alone ("uppercase dns")
   * says nothing of where it runs, and a test function upstream added stands
   * for its cases (declarations.ts parentOf) instead of each being a row.
   */
  namesAt: (lines, index, context) => {
    const line = lines[index] ?? '';
    const name = firstMatch(GO_FUNC, line) ?? registeredAt(lines, index) ?? firstMatch(GO_GINKGO_NODE, line);
    if (name) return [name];
    const own = goCaseAt(line);
    // Inside a Ginkgo suite a `name: "…"` field is the specs' data (cni-plugins' iptables chains), not a case t.Run runs.
    if (own === null || (GO_TABLE_CASE.test(line) && !GO_SUBTEST.test(line) && isInGinkgoSuite(lines, index, context))) return [];
    const parent = enclosingTest(lines, index, context);
    return [parent ? `${parent}/${own}` : own];
  },
  // A case whose function is out of view reads the whole file, so both tips name it alike.
  needsWholeFile: (lines, index, context) => goCaseAt(lines[index] ?? '') !== null && enclosingTest(lines, index, context) === undefined,
  // Ginkgo's `Skip("…")` in a spec, and a spec marked pending (`XIt(`, `PDescribe(`), skip it too.
  isSkip: (line) => /\bt\.Skip(f|Now)?\(|^\s*(?:ginkgo\.)?Skip\(|^\s*(?:ginkgo\.)?[PX](?:Describe(?:Table)?|Context|When|It|Specify|Entry)\(/.test(line),
  skipTarget: (lines, index, context) => {
    // A pending spec is its own target; a `Skip(` skips the spec it is in, a `t.Skip(` the function.
    const own = firstMatch(GO_GINKGO_NODE, lines[index] ?? '');
    if (own) return own;
    for (let at = index; at >= 0; at -= 1) {
      const line = lines[at] ?? '';
      const name = firstMatch(GO_FUNC_NAME, line) ?? (GO_GINKGO_SPEC.test(line) ? firstMatch(GO_GINKGO_NODE, line) : null);
      if (name) return name;
    }
    return firstMatch(GO_FUNC_NAME, context);
  },
};

/** A declared test, skipped ones too (`it.skip`, `xit`): the skip is its own finding, the test is still there. */
const JS_TEST = /^\s*x?(?:it|test|describe|context|specify)(?:\.(?:only|skip|todo|fails|concurrent|each\s*\([^)]*\)|each`[^`]*`))*\s*\(\s*(['"`])(.+?)\1/;
const js: TestConvention = {
  commentMarkers: ['//'],
  namesAt: (lines, index) => {
    const match = JS_TEST.exec(lines[index] ?? '');
    return match?.[2] ? [match[2]] : [];
  },
  isSkip: (line) => /\b(?:it|test|describe|context)\.(?:skip|todo)\s*\(|\bx(?:it|describe|test|context)\s*\(/.test(line),
  skipTarget: (lines, index) => /\(\s*(['"`])(.+?)\1/.exec(lines[index] ?? '')?.[2] ?? null,
};

const RUST_ATTRIBUTE = /^\s*#\[(?:\w+::)*test\b|^\s*#\[rstest\b/;
const RUST_FN = /^\s*(?:pub\s+)?(?:async\s+)?fn\s+(\w+)/;
const rust: TestConvention = {
  commentMarkers: ['//'],
  namesAt: (lines, index) => {
    const line = lines[index] ?? '';
    if (RUST_ATTRIBUTE.test(line)) return [nameBelow(lines, index, RUST_FN, /^\s*#\[/)].filter((name): name is string => name !== null);
    const name = firstMatch(RUST_FN, line);
    const isTest = name !== null && lines.slice(Math.max(0, index - 4), index).some((above) => RUST_ATTRIBUTE.test(above));
    return isTest ? [name] : [];
  },
  isSkip: (line) => /^\s*#\[ignore\b/.test(line),
  skipTarget: (lines, index) => nameBelow(lines, index, RUST_FN, /^\s*#\[/),
};

const JAVA_ANNOTATION = /^\s*@(?:Test|ParameterizedTest|RepeatedTest|TestFactory)\b/;
const JAVA_METHOD = /^\s*(?:(?:public|protected|private|static|final|suspend)\s+)*(?:void|fun|[\w<>[\]]+)\s+`?([\w ]+?)`?\s*\(/;
const java: TestConvention = {
  commentMarkers: ['//'],
  namesAt: (lines, index) => {
    const line = lines[index] ?? '';
    if (JAVA_ANNOTATION.test(line)) return [nameBelow(lines, index, JAVA_METHOD, /^\s*@/)].filter((name): name is string => name !== null);
    const name = firstMatch(JAVA_METHOD, line);
    const isTest = name !== null && lines.slice(Math.max(0, index - 4), index).some((above) => JAVA_ANNOTATION.test(above));
    return isTest ? [name] : [];
  },
  isSkip: (line) => /^\s*@(?:Disabled|Ignore)\b/.test(line),
  skipTarget: (lines, index) => nameBelow(lines, index, JAVA_METHOD, /^\s*@/),
};

const CONVENTIONS: Record<Exclude<TestLanguage, 'c'>, TestConvention> = { go, js, python, rust, java, tcl };

export function languageOf(path: string): TestLanguage | null {
  if (path.endsWith('_test.go')) return 'go';
  if (/\.(?:[cm]?[jt]sx?)$/.test(path)) return 'js';
  if (path.endsWith('.py')) return 'python';
  if (path.endsWith('.rs')) return 'rust';
  if (/\.(java|kt)$/.test(path)) return 'java';
  if (path.endsWith('.tcl')) return 'tcl';
  if (/\.(?:c|cc|cpp|cxx|c\+\+)$/.test(path)) return 'c';
  return null;
}

export const conventionOf = (path: string): TestConvention | null => {
  const language = languageOf(path);
  if (language === 'c') return cConvention(path);
  return language ? CONVENTIONS[language] : null;
};
