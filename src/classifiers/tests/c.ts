// C and C++ test suites, named as their runners name them:
// munit (dqlite, cowsql, raft: `TEST(suite, name, setUp, tearDown, 0, NULL)`, run as `/suite/name`, and dqlite's
// `TEST_CASE(suite, name, params)` and `TEST_CASE(suite, group, name, params)`),
// GLib (gnome-shell, mutter, libfprint: `g_test_add_func ("/path", fn)`), check (`START_TEST(name)`),
// cmocka (`cmocka_unit_test(name)`), Unity (`RUN_TEST(name)`), GoogleTest (`TEST_F(Suite, Name)`, run as
// `Suite.Name`), criterion (`Test(suite, name)`) and Catch2/doctest (`TEST_CASE("name")`).
import type { TestConvention } from './conventions.js';

/** `TEST(suite, name…`, `TEST_F(…)`, `TEST_P(…)`, `TYPED_TEST(…)`, criterion's `Test(…)`. */
const SUITE_TEST = /^\s*(?:TEST|TEST_F|TEST_P|TYPED_TEST|TYPED_TEST_P|Test)\s*\(\s*(\w+)\s*,\s*(\w+)\s*[,)]/;
/** The same, wrapped after the suite (clang-format's `TEST(node,` then the name on the next line). */
const SUITE_OPENED = /^\s*(?:TEST|TEST_F|TEST_P|TYPED_TEST|TYPED_TEST_P|Test)\s*\(\s*(\w+)\s*,\s*$/;
const WRAPPED_NAME = /^\s*(\w+)\s*[,)]/;
const NAMED_CASE = /^\s*(?:TEST_CASE|SCENARIO)\s*\(\s*"((?:[^"\\]|\\.)+)"/;
/** dqlite's older munit macros: `TEST_CASE(suite, name, params)`, `TEST_CASE(suite, group, name, params)`. */
const MUNIT_CASE = /^\s*TEST_CASE\s*\(\s*(\w+)\s*,\s*(\w+)\s*,\s*(\w+)\s*(?:,\s*(\w+)\s*)?\)/;
const GLIB_TEST = /\bg_test_add(?:_func|_data_func|_data_func_full|_vtable)?\s*\(\s*"([^"]+)"/;
/** A test registered or declared by its function's name. */
const FUNCTION_TEST = /^\s*START_TEST\s*\(\s*(\w+)\s*\)|\bcmocka_unit_test\w*\s*\(\s*(\w+)|^\s*RUN_TEST\s*\(\s*(\w+)/;
const SKIP = /\b(?:SKIP\s*\(|MUNIT_SKIP\b|g_test_skip(?:_printf)?\s*\(|g_test_incomplete(?:_printf)?\s*\(|GTEST_SKIP\s*\(|TEST_IGNORE(?:_MESSAGE)?\s*\()|\bskip\s*\(\s*\)\s*;/;
/** A function definition's name, for a skip in a test function no registration names in view. */
const FUNCTION = /^(?:static\s+|inline\s+)*[A-Za-z_][\w\s*]*?\b([A-Za-z_]\w*)\s*\([^;]*$/;

const isCpp = (path: string): boolean => /\.(?:cc|cpp|cxx|c\+\+|hpp|hh)$/.test(path);

/** A convention for one file: C runners name a suite's test `/suite/name`, GoogleTest `Suite.Name`. */
export const cConvention = (path: string): TestConvention => {
  const suiteTest = (suite: string, name: string): string => (isCpp(path) ? `${suite}.${name}` : `/${suite}/${name}`);
  const nameAt = (line: string, next = ''): string | null => {
    const suite = SUITE_TEST.exec(line);
    if (suite) return suiteTest(suite[1] ?? '', suite[2] ?? '');
    const opened = SUITE_OPENED.exec(line);
    const wrapped = opened ? WRAPPED_NAME.exec(next) : null;
    if (opened && wrapped) return suiteTest(opened[1] ?? '', wrapped[1] ?? '');
    const munitCase = MUNIT_CASE.exec(line);
    if (munitCase) return munitCase[4] === undefined ? `/${munitCase[1]}/${munitCase[2]}` : `/${munitCase[1]}/${munitCase[2]}/${munitCase[3]}`;
    const named = NAMED_CASE.exec(line) ?? GLIB_TEST.exec(line);
    if (named) return named[1] ?? null;
    const registered = FUNCTION_TEST.exec(line);
    return registered ? (registered[1] ?? registered[2] ?? registered[3] ?? null) : null;
  };
  return {
    commentMarkers: ['//'],
    namesAt: (lines, index) => {
      const name = nameAt(lines[index] ?? '', lines[index + 1]);
      return name ? [name] : [];
    },
    isSkip: (line) => SKIP.test(line) && !line.trimStart().startsWith('//'),
    // The test the skip sits in: the nearest declaration above, else the function around it (git's hunk context too).
    skipTarget: (lines, index, context) => {
      for (let at = index; at >= 0; at -= 1) {
        const line = lines[at] ?? '';
        const name = nameAt(line, lines[at + 1]) ?? (/^\S/.test(line) ? (FUNCTION.exec(line)?.[1] ?? null) : null);
        if (name) return name;
      }
      return nameAt(context) ?? FUNCTION.exec(context)?.[1] ?? null;
    },
  };
};

/** A C or C++ test name's suite and its own name: `/vfs/open` → `/vfs`, `open`; `Parser.Full` → `Parser`, `Full`. */
const SUITE_AND_LEAF = /^(\/.+)\/([^/]+)$|^(\w+)\.(\w+)$/;

/**
 * Upstream's tests the fork has in a suite of another name: dqlite renamed
 * its `vfs` suite `vfs_extra` (and its file), cowsql kept `vfs`. A suite of
 * upstream's (among `removed`) pairs with a suite only the fork declares
 * (`forkOwn`) when they share at least half of its tests' own names, and
 * two; those shared are the fork's, not missing.
 */
export function testsInRenamedSuites(removed: Iterable<string>, forkOwn: Iterable<string>): Set<string> {
  const bySuite = (names: Iterable<string>): Map<string, Map<string, string>> => {
    const suites = new Map<string, Map<string, string>>();
    for (const name of names) {
      const match = SUITE_AND_LEAF.exec(name);
      if (!match) continue;
      const suite = match[1] ?? match[3] ?? '';
      const leaf = match[2] ?? match[4] ?? '';
      suites.set(suite, (suites.get(suite) ?? new Map<string, string>()).set(leaf, name));
    }
    return suites;
  };
  const upstream = bySuite(removed);
  const fork = bySuite(forkOwn);
  const kept = new Set<string>();
  for (const [suite, tests] of upstream) {
    for (const [other, forkTests] of fork) {
      if (other === suite) continue;
      const shared = [...tests.keys()].filter((leaf) => forkTests.has(leaf));
      if (shared.length >= 2 && shared.length * 2 >= tests.size) for (const leaf of shared) kept.add(tests.get(leaf) ?? '');
    }
  }
  return kept;
}
