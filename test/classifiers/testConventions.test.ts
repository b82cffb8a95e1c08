import { describe, expect, it } from 'vitest';
import removedTests from '../../src/classifiers/removed-tests.js';
import { conventionOf } from '../../src/classifiers/tests/conventions.js';
import { parametrizeAt, readParametrize } from '../../src/classifiers/tests/parametrize.js';
import { python } from '../../src/classifiers/tests/python.js';
import { productPattern } from '../../src/classifiers/tests/renames.js';
import { tcl } from '../../src/classifiers/tests/tcl.js';
import { classifyAll, gitContext, messages, parseDiff } from './helpers.js';

describe('pytest parametrize ids', () => {
  const ids = (source: string): string[] => readParametrize(source.split('\n'), 0)?.cases.map((each) => each.id) ?? [];

  it('names cases as pytest does: string and number values, joined by -, explicit ids, pytest.param ids', () => {
    expect(ids('@pytest.mark.parametrize("a, b", [("x", 1), ("y", -2.5), (None, True)])')).toEqual(['x-1', 'y--2.5', 'None-True']);
    expect(ids('@pytest.mark.parametrize("scheme", ["http", "https"], ids=["plain", "tls"])')).toEqual(['plain', 'tls']);
    expect(ids('@pytest.mark.parametrize("n", [pytest.param(1, id="one"), pytest.param(2, marks=pytest.mark.slow)])')).toEqual(['one', '2']);
    expect(ids('@pytest.mark.parametrize(("a", "b"), [(1, 2)])')).toEqual(['1-2']);
  });

  it('names a case whose pytest id is positional by its source, so dropping an earlier case does not shift it', () => {
    expect(ids('@pytest.mark.parametrize("cfg", [Config(a=1), Config(a=2)])')).toEqual(['Config(a=1)', 'Config(a=2)']);
  });

  it('knows the lines each case is written on, and where the decorator ends', () => {
    const decorator = readParametrize(['@parametrize(', '    "n",', '    [', '        1,  # one', '        2,', '    ],', ')', 'def test_n(n): ...'], 0);
    expect(decorator?.end).toBe(6);
    expect(decorator?.cases).toEqual([{ id: '1', lines: [3] }, { id: '2', lines: [4] }]);
  });
});

describe('parametrizeAt', () => {
  // The search it replaced: upwards from the line, at most 200 lines, the first opener decides.
  const scanned = (lines: readonly string[], index: number) => {
    for (let start = index; start >= 0 && start > index - 200; start -= 1) {
      if (!/^\s*@(?:pytest\.)?(?:mark\.)?parametrize\s*\(/.test(lines[start] ?? '')) continue;
      const decorator = readParametrize(lines, start);
      return decorator && decorator.end >= index ? decorator : null;
    }
    return null;
  };
  // A seeded generator, so a failure can be replayed.
  const random = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pieces = [
    ['@pytest.mark.parametrize("n", [1, 2])'],
    ['@pytest.mark.parametrize(', '    "a, b",', '    [', '        (1, 2),', '        (3, 4),', '    ],', ')'],
    ['    @parametrize("x", ["p", "q"], ids=["one", "two"])'],
    ['@pytest.mark.parametrize("open", ['],
    ['def test_x(n):', '    assert n'],
    ['    "key": value,', '    (1, 2),'],
    ...Array.from({ length: 3 }, () => ['x = 1']),
  ];

  it('answers every line as the upward search did, far openers and unclosed decorators included', () => {
    for (let file = 0; file < 60; file += 1) {
      const next = random(file + 1);
      const lines: string[] = [];
      while (lines.length < 40 + file * 8) {
        const piece = pieces[Math.floor(next() * pieces.length)] ?? [];
        lines.push(...piece);
        // Now and then a long run without openers, so an opener falls out of reach.
        if (next() < 0.05) lines.push(...Array.from({ length: 190 + Math.floor(next() * 20) }, () => '    1,'));
      }
      for (let index = -1; index <= lines.length + 1; index += 1) {
        expect(parametrizeAt(lines, index), `file ${file}, line ${index}`).toEqual(scanned(lines, index));
      }
    }
  });

  it('looks 200 lines up, no further, even inside a longer decorator', () => {
    const lines = ['@pytest.mark.parametrize("n", [', ...Array.from({ length: 240 }, (_, n) => `    ${n},`), '])', 'def test_n(n): ...'];
    expect(parametrizeAt(lines, 199)?.cases).toHaveLength(240);
    expect(parametrizeAt(lines, 200)).toBeNull();
    expect(scanned(lines, 200)).toBeNull();
  });
});

describe('pytest names', () => {
  const lines = ['class TestA:', '    def test_x(self):', '        def test_helper():', '            pass', '    class TestInner:', '        def test_y(self): ...'];

  it('qualifies methods by their classes and skips functions nested in tests', () => {
    expect(python.namesAt(lines, 1, '')).toEqual(['TestA::test_x']);
    expect(python.namesAt(lines, 2, '')).toEqual([]);
    expect(python.namesAt(lines, 5, '')).toEqual(['TestA::TestInner::test_y']);
  });

  it('reads a skip mark on one parametrize case as a skip of that case', () => {
    const cases = ['@pytest.mark.parametrize("n", [', '    1,', '    pytest.param(2, marks=pytest.mark.skip(reason="slow")),', '])', 'def test_n(n): ...'];
    expect(python.isSkip(cases[2] ?? '')).toBe(true);
    expect(python.skipTarget(cases, 2, '')).toBe('test_n[2]');
  });

  it('takes the class from the hunk context, and asks for the whole file when it cannot know', () => {
    expect(python.namesAt(['    def test_z(self):'], 0, 'class TestB(unittest.TestCase):')).toEqual(['TestB::test_z']);
    expect(python.needsWholeFile?.(['    def test_z(self):'], 0, 'status: 200')).toBe(true);
    expect(python.needsWholeFile?.(['def test_z():'], 0, '')).toBe(false);
  });
});

describe('Go tests', () => {
  it('names subtests by their literal name, not by the prefix of a name built at run time', () => {
    const go = conventionOf('images/image_test.go');
    expect(go?.namesAt(['\tt.Run("schema1", func(t *testing.T) {'], 0, '')).toEqual(['schema1']);
    expect(go?.namesAt(['\tt.Run("missing key", testMissingKey)'], 0, '')).toEqual(['missing key']);
    expect(go?.namesAt(['\t\tt.Run("manifest-"+tc.mt, func(t *testing.T) {'], 0, '')).toEqual([]);
    expect(go?.namesAt(['func TestValidateMediaType(t *testing.T) {'], 0, '')).toEqual(['TestValidateMediaType']);
  });

  it("names Ginkgo specs by their strings, and reads no table case in a suite's data", () => {
    const go = conventionOf('plugins/meta/portmap/portmap_iptables_test.go');
    if (!go) throw new Error('no Go convention');
    // cni-plugins' portmap suite: specs named by a format string, iptables chains named in the specs' data.
    const suite = [
      'var _ = Describe("portmapping configuration (iptables)", func() {',
      '\tContext("for DNAT", func() {',
      '\t\tIt(fmt.Sprintf("[%s] generates a correct standard container chain", ver), func() {',
      '\t\t\tch := &chain{',
      '\t\t\t\tname:        "CNI-DN-bfd599665540dd91d5d28",',
      '\t\t\t}',
      '\t\t\tif !iptablesAvailable {',
      '\t\t\t\tSkip("no iptables")',
      '\t\t\t}',
      '\t\t})',
      '\t\tXIt("generates the correct mark chains", func() {',
    ];
    expect(suite.map((_, index) => go.namesAt(suite, index, '')).flat()).toEqual([
      'portmapping configuration (iptables)', 'for DNAT', '[%s] generates a correct standard container chain', 'generates the correct mark chains',
    ]);
    expect(suite.map((line) => go.isSkip(line))).toEqual([false, false, false, false, false, false, false, true, false, false, true]);
    expect([go.skipTarget(suite, 7, ''), go.skipTarget(suite, 10, '')]).toEqual(['[%s] generates a correct standard container chain', 'generates the correct mark chains']);
    // A table case of a test function is still one.
    expect(go.namesAt(['func TestChains(t *testing.T) {', '\tfor _, tc := range []struct{ name string }{', '\t\t{name: "dnat"},'], 2, '')).toEqual(['TestChains/dnat']);
  });
});

describe('tests renamed with the product otherwise than its paths', () => {
  // tofu-ls renamed its paths terraform → tofu, and its test names terraform → opentofu.
  const context = { ...gitContext({}), translate: (text: string) => text.replaceAll('terraform', 'tofu').replaceAll('Terraform', 'Tofu') };

  it('reads the product word of a name as any word, and only it', () => {
    const pattern = productPattern('source.formatAll.terraform code action requested', context);
    expect(pattern?.test('source.formatAll.opentofu code action requested')).toBe(true);
    expect(pattern?.test('source.formatAll.opentofu code action')).toBe(false);
    // Inside a word, only the part the rename rewrites is open.
    expect(productPattern('test terraform_version parses', context)?.test('test opentofu_version parses')).toBe(true);
    expect(productPattern('loads TestTerraformVersion output', context)?.test('loads TestOpenTofuVersion output')).toBe(true);
    expect(productPattern('loads TestTerraformVersion output', context)?.test('loads TestOpenTofuRelease output')).toBe(false);
    // A name with no product word, or too little left fixed, is no pattern.
    expect(productPattern('detects module types', context)).toBeNull();
    expect(productPattern('terraform ok', context)).toBeNull();
    expect(productPattern('TestTerraform', context)).toBeNull();
    // A name of one word (Go's) opens its product part only to a word that holds the fork's name for it.
    const go = productPattern('TestTerraformProviderRead', context);
    expect(['TestOpenTofuProviderRead', 'TestTofuProviderRead', 'TestOpentofuProviderRead'].filter((each) => !go?.test(each))).toEqual([]);
    expect(['TestNullProviderRead', 'TestOpenTofuProviderReads', 'testOpenTofuProviderRead'].filter((each) => go?.test(each))).toEqual([]);
  });

  it('are no removed tests when the fork declares the name with another product word', async () => {
    const files = await parseDiff(`diff --git a/internal/command/module_calls_test.go b/internal/command/module_calls_test.go
--- a/internal/command/module_calls_test.go
+++ b/internal/command/module_calls_test.go
@@ -10,4 +10,4 @@ func TestModuleCalls(t *testing.T) {
-\tt.Run("detects terraform module types", func(t *testing.T) {
+\tt.Run("detects opentofu module types", func(t *testing.T) {
 \t\tcheck(t)
 \t})
-\tt.Run("reads terraform registry sources", func(t *testing.T) {
+\tt.Run("reads local sources", func(t *testing.T) {
`);
    expect(messages(await classifyAll(removedTests, files, context))).toEqual(['test TestModuleCalls/reads terraform registry sources removed from internal/command/module_calls_test.go']);
  });
});

describe('Tcl tests', () => {
  it('reads braced and quoted names, skip tags and if {0}', () => {
    expect(tcl.namesAt(['    test {SET and GET} {'], 0, '')).toEqual(['SET and GET']);
    expect(tcl.namesAt(['test "LPOS with \\"quotes\\"" {'], 0, '')).toEqual(['LPOS with \\"quotes\\"']);
    expect(tcl.namesAt(['proc test {name code} {'], 0, '')).toEqual([]);
    expect(tcl.isSkip('    } {} {needs:repl external:skip}')).toBe(true);
    expect(tcl.isSkip('    } {} {needs:repl}')).toBe(false);
    expect(tcl.isSkip('    if {0} {')).toBe(true);
    expect(tcl.skipTarget(['test {A} {', '  r ping', '} {PONG} {cluster:skip}'], 2, '')).toBe('A');
    expect(tcl.skipTarget(['tags {external:skip} {', '    test {B} {'], 0, '')).toBe('B');
  });
});

const deleted = (path: string): string => `diff --git a/${path} b/${path}
deleted file mode 100644
--- a/${path}
+++ /dev/null
@@ -1,4 +1,0 @@
-def test_login():
-    assert True
-def test_logout():
-    assert True
`;
const added = (path: string, tests: string[]): string => `diff --git a/${path} b/${path}
new file mode 100644
--- /dev/null
+++ b/${path}
@@ -0,0 +1,${tests.length} @@
${tests.map((test) => `+def ${test}(): assert True`).join('\n')}
`;

describe('test files deleted and added under another name', () => {
  it('are no removed tests, whichever sorts first', async () => {
    expect(await classifyAll(removedTests, await parseDiff(deleted('tests/test_a.py') + added('tests/unit/test_a.py', ['test_login', 'test_logout'])))).toEqual([]);
    expect(await classifyAll(removedTests, await parseDiff(added('tests/a/test_a.py', ['test_login', 'test_logout']) + deleted('tests/test_a.py')))).toEqual([]);
  });

  it('report the tests that did not move, and a file none of whose tests moved', async () => {
    const partly = await classifyAll(removedTests, await parseDiff(deleted('tests/test_a.py') + added('tests/unit/test_a.py', ['test_login'])));
    expect(messages(partly)).toEqual(['test test_logout removed with tests/test_a.py']);
    const gone = await classifyAll(removedTests, await parseDiff(deleted('tests/test_a.py')));
    expect(gone.map((finding) => finding.kind)).toEqual(['test-file-deleted']);
  });
});

describe('what is not a removed test', () => {
  it('ignores generated files, and comment-only or reformatted declarations', async () => {
    const generated = await parseDiff(`diff --git a/tests/test_gen.py b/tests/test_gen.py
--- a/tests/test_gen.py
+++ b/tests/test_gen.py
@@ -1,4 +1,2 @@
 # Code generated by schema-gen. DO NOT EDIT.
-def test_field_a():
-    pass
 def test_field_b(): pass
`);
    expect(await classifyAll(removedTests, generated)).toEqual([]);
    const cosmetic = await parseDiff(`diff --git a/pkg/x_test.go b/pkg/x_test.go
--- a/pkg/x_test.go
+++ b/pkg/x_test.go
@@ -3,4 +3,4 @@ package x
-// TestOld used to check the cache.
-func TestParse(t *testing.T) {
+// TestOld is gone; TestParse covers it.
+func TestParse(t *testing.T) { // table-driven
 	run(t)
 }
`);
    expect(await classifyAll(removedTests, cosmetic)).toEqual([]);
  });
});

describe('Python tests moved to a class of their own', () => {
  it('are no removed tests; one left behind, or put in a class upstream has, still is', async () => {
    // fdroidserver's fork moved UpdateTest's signature tests into TestGetApksWithoutAllowedSignatures, and replaced
    // test_update_with_keys by tests of other names. A method of a class both tips have is no evidence of a move:
    // netbox's filterset test cases all have a test_q, a test_role.
    const files = await parseDiff(`diff --git a/tests/test_update.py b/tests/test_update.py
--- a/tests/test_update.py
+++ b/tests/test_update.py
@@ -10,12 +10,17 @@ class UpdateTest(unittest.TestCase):
     def test_scan(self):
         scan()
-
-    def test_get_apks_without_allowed_signatures(self):
-        check(1)
-
-    def test_update_with_keys(self):
-        check(2)
-
-    def test_parse(self):
-        check(3)
+
+
+class TestGetApksWithoutAllowedSignatures(unittest.TestCase):
+    def test_get_apks_without_allowed_signatures(self):
+        check(1)
+
+    def test_allowed_keys_correct(self):
+        check(2)
+
 
 class GetTextTest(unittest.TestCase):
+    def test_parse(self):
+        check(3)
+
`);
    expect(messages(await classifyAll(removedTests, files)).sort()).toEqual([
      'test UpdateTest::test_parse removed from tests/test_update.py',
      'test UpdateTest::test_update_with_keys removed from tests/test_update.py',
    ]);
  });
});

describe('whole files in git mode', () => {
  it('reads them when a skip does not show the test it applies to', async () => {
    const files = await parseDiff(`diff --git a/tests/unit/keys.tcl b/tests/unit/keys.tcl
--- a/tests/unit/keys.tcl
+++ b/tests/unit/keys.tcl
@@ -1,3 +1,3 @@
-start_server {tags {"keys"}} {
+start_server {tags {"keys external:skip"}} {
     r flushall
     r select 9
`);
    const text = (tags: string): string => `start_server {tags {"${tags}"}} {\n    r flushall\n    r select 9\n    r debug set-active-expire 0\n\n    test {KEYS with pattern} {\n        r keys *\n    }\n}\n`;
    const context = gitContext({ upstream: { 'tests/unit/keys.tcl': text('keys') }, fork: { 'tests/unit/keys.tcl': text('keys external:skip') } });
    expect(messages(await classifyAll(removedTests, files))).toEqual(['skip added to a test in tests/unit/keys.tcl: start_server {tags {"keys external:skip"}} {']);
    expect(messages(await classifyAll(removedTests, files, context))).toEqual(['skip added to test KEYS with pattern in tests/unit/keys.tcl: start_server {tags {"keys external:skip"}} {']);
  });
});
