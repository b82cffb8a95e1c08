// How each language declares and skips tests: Go (https://pkg.go.dev/testing), JS/TS (vitest, jest,
// mocha), Python (pytest, unittest: tests/python.ts), Rust (#[test], #[ignore]), Java/Kotlin (JUnit @Test,
// @Disabled), Tcl (redis/valkey `test {name} {…}`: tests/tcl.ts).
import { python } from './python.js';
import { tcl } from './tcl.js';

export const TEST_LANGUAGES = ['go', 'js', 'python', 'rust', 'java', 'tcl'] as const;
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

/** The nearest name `pattern` finds above `index`, else in the hunk's function context. */
function nameAbove(lines: readonly string[], index: number, pattern: RegExp, context: string): string | null {
  for (let i = index; i >= 0; i -= 1) {
    const name = firstMatch(pattern, lines[i] ?? '');
    if (name) return name;
  }
  return firstMatch(pattern, context);
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

const go: TestConvention = {
  commentMarkers: ['//'],
  namesAt: (lines, index) => {
    const line = lines[index] ?? '';
    const name = firstMatch(GO_FUNC, line) ?? registeredAt(lines, index) ?? firstMatch(GO_SUBTEST, line) ?? firstMatch(GO_TABLE_CASE, line);
    return name ? [name] : [];
  },
  isSkip: (line) => /\bt\.Skip(f|Now)?\(/.test(line),
  skipTarget: (lines, index, context) => nameAbove(lines, index, /^func\s+(?:\([^)]*\)\s*)?(\w+)\s*\(/, context),
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

const CONVENTIONS: Record<TestLanguage, TestConvention> = { go, js, python, rust, java, tcl };

export function languageOf(path: string): TestLanguage | null {
  if (path.endsWith('_test.go')) return 'go';
  if (/\.(?:[cm]?[jt]sx?)$/.test(path)) return 'js';
  if (path.endsWith('.py')) return 'python';
  if (path.endsWith('.rs')) return 'rust';
  if (/\.(java|kt)$/.test(path)) return 'java';
  if (path.endsWith('.tcl')) return 'tcl';
  return null;
}

export const conventionOf = (path: string): TestConvention | null => {
  const language = languageOf(path);
  return language ? CONVENTIONS[language] : null;
};
