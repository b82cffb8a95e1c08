import { describe, expect, it } from 'vitest';
import removedTests from '../../src/classifiers/removed-tests.js';
import type { Finding } from '../../src/model.js';
import { learntRenames } from '../../src/attribution/renames.js';
import { listedTests } from '../../src/classifiers/tests/renames.js';
import { classifyAll, diffFileContext, gitContext, loadDiff, messages, parseDiff, wholeFileDiff } from './helpers.js';

const byPath = (findings: Finding[], path: string): string[] =>
  findings.filter((finding) => finding.path === path).map((finding) => finding.message).sort();

describe('removed-tests classifier', async () => {
  const files = await loadDiff('tests-languages.diff');
  const findings = await classifyAll(removedTests, files);

  it('finds removed and skipped JS/TS tests, but not tests moved to another block', () => {
    expect(byPath(findings, 'src/api/users.test.ts')).toEqual([
      'skip added to test handles unicode names in src/api/users.test.ts: xit(\'handles unicode names\', () => {});',
      'skip added to test paginates in src/api/users.test.ts: test.skip(\'paginates\', async (page) => {',
      'test paginates page %i removed from src/api/users.test.ts',
      'test rejects an expired token removed from src/api/users.test.ts',
    ]);
  });

  it('finds removed and skipped Python tests (functions and classes, a class standing for its methods)', () => {
    expect(byPath(findings, 'tests/test_parser.py')).toEqual([
      'skip added to test test_parses_unicode in tests/test_parser.py: @pytest.mark.skip(reason="flaky on fork CI")',
      'test TestErrors removed from tests/test_parser.py',
      'test test_parses_empty removed from tests/test_parser.py',
    ]);
    const removedClass = findings.find((finding) => finding.details['test'] === 'TestErrors');
    expect(removedClass?.details['tests']).toEqual(['TestErrors::test_raises_on_bad_input']);
  });

  it('finds Rust #[test] functions removed and #[ignore] added, in source files too', () => {
    expect(byPath(findings, 'src/lib.rs')).toEqual([
      'skip added to test adds_small_numbers in src/lib.rs: #[ignore]',
      'test rejects_overflow removed from src/lib.rs',
    ]);
  });

  it('finds JUnit @Test methods removed and @Disabled added', () => {
    expect(byPath(findings, 'src/test/java/com/example/ParserTest.java')).toEqual([
      'skip added to test parsesLargeNumbers in src/test/java/com/example/ParserTest.java: @Disabled("fork: slow")',
      'test parsesNegativeNumbers removed from src/test/java/com/example/ParserTest.java',
    ]);
  });

  it('finds Go tests, subtests and t.Skip, and deleted test files with their tests', () => {
    expect(byPath(findings, 'pkg/store/store_test.go')).toEqual([
      'skip added to test TestStore in pkg/store/store_test.go: t.Skip("fork: no redis in CI")',
      // A subtest is named under its test function, as go test -run names it.
      'test TestStore/missing key removed from pkg/store/store_test.go',
      'test TestStoreConcurrentWrites removed from pkg/store/store_test.go',
    ]);
    const deleted = findings.find((finding) => finding.kind === 'test-file-deleted');
    expect(deleted?.path).toBe('pkg/legacy/legacy_test.go');
    expect(deleted?.details['tests']).toEqual(['TestLegacyMode']);
  });

  it('finds cases dropped from a Go table-driven test, but not changed cases or fixture data', async () => {
    const table = await classifyAll(removedTests, await parseDiff(`diff --git a/pkg/parse/parse_test.go b/pkg/parse/parse_test.go
--- a/pkg/parse/parse_test.go
+++ b/pkg/parse/parse_test.go
@@ -10,22 +10,14 @@ func TestParse(t *testing.T) {
 	tests := []struct {
 		name string
 		in   string
 		want Image
 	}{
-		{name: "empty input", in: ""},
-		{name: "digest only", in: "@sha256:abc"},
+		{name: "digest only", in: "@sha256:abcd"},
 		{
-			name: "registry with port",
-			in:   "localhost:5000/app",
-		},
-		{
 			name: "plain tag",
 			in:   "alpine:3.17",
-			want: Image{Name: "alpine", Tag: "3.17"},
+			want: Image{Name: "alpine", Tag: "3.18"},
 		},
 	}
`));
    expect(byPath(table, 'pkg/parse/parse_test.go')).toEqual([
      'test TestParse/empty input removed from pkg/parse/parse_test.go',
      'test TestParse/registry with port removed from pkg/parse/parse_test.go',
    ]);
  });

  it('names a Go case under its test function, which stands for the cases of a function the fork lacks whole', async () => {
    // coredns: upstream added TestTLSKeyLog with a table of three paths; each case was a row of its own.
    const added = await parseDiff(`diff --git a/plugin/tls/tls_test.go b/plugin/tls/tls_test.go
--- a/plugin/tls/tls_test.go
+++ b/plugin/tls/tls_test.go
@@ -96,10 +96,0 @@ func TestTLS(t *testing.T) {
-func TestTLSKeyLog(t *testing.T) {
-\ttests := []struct {
-\t\tname string
-\t}{
-\t\t{name: "No Path"},
-\t\t{name: "Bad Path"},
-\t}
-\tfor _, tc := range tests {
-\t\tt.Run(tc.name, func(t *testing.T) {})
-\t}
diff --git a/plugin/tls/cases_test.go b/plugin/tls/cases_test.go
--- a/plugin/tls/cases_test.go
+++ b/plugin/tls/cases_test.go
@@ -3,3 +3,2 @@ var keyLogCases = []struct {
 \t{name: "Good Path"},
-\t{name: "No Path"},
 }
`);
    const rows = await classifyAll(removedTests, added);
    expect(rows.map((finding) => [finding.message, finding.details['tests'] ?? null])).toEqual([
      ['test TestTLSKeyLog removed from plugin/tls/tls_test.go', ['TestTLSKeyLog/No Path', 'TestTLSKeyLog/Bad Path']],
      // A table at package level runs under whichever test reads it: the case keeps its own name.
      ['test No Path removed from plugin/tls/cases_test.go', null],
    ]);
  });

  it("counts a deleted file's tests by function: Go cases fold into their test, as parametrize cases do", () => {
    // buildkit's client/llb/git_test.go: "9 tests: TestGit, TestGit/refarg, …" is one test and its cases.
    expect(listedTests(['TestGit', 'TestGit/refarg', 'TestGit/refarg with subdir', 'TestOther/case', 'test_p', 'test_p[1]', 'K', 'K::test_m']))
      .toEqual(['TestGit', 'TestOther/case', 'test_p', 'K::test_m']);
  });

  it('reads a test file one tip lacks by its functions, its Go cases with them', async () => {
    // etcd's util_test.go read "9 tests: TestArgify, empty string, simple args, …": one test and its cases.
    const gone = await parseDiff(`diff --git a/etcdctl/util_test.go b/etcdctl/util_test.go
deleted file mode 100644
--- a/etcdctl/util_test.go
+++ /dev/null
@@ -1,9 +0,0 @@
-package etcdctl
-
-func TestArgify(t *testing.T) {
-\tfor _, tc := range []struct{ name string }{
-\t\t{name: "empty string"},
-\t\t{name: "simple args"},
-\t} {
-\t}
-}
`);
    expect(messages(await classifyAll(removedTests, gone))).toEqual(['test file etcdctl/util_test.go deleted (1 test: TestArgify)']);
    // Moved whole into a file of the fork's (its cases with it): nothing is lost.
    const moved = await parseDiff(`diff --git a/etcdctl/ctl_test.go b/etcdctl/ctl_test.go
new file mode 100644
--- /dev/null
+++ b/etcdctl/ctl_test.go
@@ -0,0 +1,3 @@
+package etcdctl
+
+func TestArgify(t *testing.T) { argifyCases(t) }
`);
    expect(messages(await classifyAll(removedTests, [...moved, ...gone]))).toEqual([]);
  });

  it('keeps a test the fork runs with parameters appended to its name (Tcl, JS templates)', async () => {
    // valkey runs redis's replication tests once per `foreach dualchannel {"yes" "no"}`.
    const findings = await classifyAll(removedTests, await parseDiff(`diff --git a/tests/integration/replication-buffer.tcl b/tests/integration/replication-buffer.tcl
--- a/tests/integration/replication-buffer.tcl
+++ b/tests/integration/replication-buffer.tcl
@@ -40,4 +40,4 @@ start_server {} {
-    test {All replicas share one global replication buffer} {
-    test {Replication backlog size can outgrow the backlog limit config} {
+    test "All replicas share one global replication buffer dualchannel $dualchannel" {
+    test "Replication backlog size can outgrow the limit dualchannel $dualchannel" {
     } {} {external:skip}
`));
    // The second was renamed as well: its upstream name is no prefix of the fork's.
    expect(messages(findings)).toEqual(['test Replication backlog size can outgrow the backlog limit config removed from tests/integration/replication-buffer.tcl']);
  });

  it("folds a removed class's methods into its row when some tests of a deleted file moved elsewhere", async () => {
    // yt-dlp deleted youtube-dl's test_http.py, moving most of it into test_networking.py but not TestHTTP.
    const fileUrls = ['class TestFileURL(unittest.TestCase):', '    def test_file_urls(self):', '        pass'];
    const files = await parseDiff([
      wholeFileDiff('deleted', 'test/test_http.py', ['class TestHTTP(unittest.TestCase):', '    def test_redirect(self):', '        pass',
        '    def test_unicode_path_redirection(self):', '        pass', ...fileUrls]),
      wholeFileDiff('added', 'test/test_networking.py', fileUrls),
    ].join(''));
    const findings = await classifyAll(removedTests, files);
    expect(messages(findings)).toEqual(['test TestHTTP removed with test/test_http.py']);
    expect(findings[0]?.details['tests']).toEqual(['TestHTTP::test_redirect', 'TestHTTP::test_unicode_path_redirection']);
  });

  it('reads the whole file in git mode for a Go case whose test function is out of view', async () => {
    const files = await parseDiff(`diff --git a/pkg/a_test.go b/pkg/a_test.go
--- a/pkg/a_test.go
+++ b/pkg/a_test.go
@@ -5,3 +5,2 @@
 \t\t{name: "kept"},
-\t\t{name: "dropped"},
 \t}
`);
    const upstream = 'package pkg\n\nfunc TestA(t *testing.T) {\n\tcases := []struct{ name string }{\n\t\t{name: "kept"},\n\t\t{name: "dropped"},\n\t}\n\t_ = cases\n}\n';
    const fork = upstream.replace('\t\t{name: "dropped"},\n', '');
    const context = gitContext({ upstream: { 'pkg/a_test.go': upstream }, fork: { 'pkg/a_test.go': fork } });
    expect(messages(await classifyAll(removedTests, files, context))).toEqual(['test TestA/dropped removed from pkg/a_test.go']);
    // A saved diff shows no more than the hunk: the case keeps its own name.
    expect(messages(await classifyAll(removedTests, files))).toEqual(['test dropped removed from pkg/a_test.go']);
  });

  it('finds C and C++ tests as their runners name them: munit, GLib, check, cmocka, GoogleTest', async () => {
    // cowsql's test_node.c against dqlite's (munit), clang-format wrapping one declaration.
    const munit = await classifyAll(removedTests, await parseDiff(`diff --git a/test/integration/test_node.c b/test/integration/test_node.c
--- a/test/integration/test_node.c
+++ b/test/integration/test_node.c
@@ -150,14 +150,8 @@ static void tearDown(void *data)
-TEST(node, start, setUpLocal, tearDown, 0, node_params)
+TEST(node, start, setUp, tearDown, 0, NULL)
 {
 	return MUNIT_OK;
 }
-TEST(node,
-     snapshotParamsThresholdLargerThanTrailing,
-     setUpLocal, tearDown, 0, node_params)
-{
-	return MUNIT_OK;
-}
 TEST(node, existing_snapshot, setUp, tearDown, 0, NULL)
 {
+	return MUNIT_SKIP;
 	return MUNIT_OK;
`));
    expect(messages(munit)).toEqual([
      'test /node/snapshotParamsThresholdLargerThanTrailing removed from test/integration/test_node.c',
      'skip added to test /node/existing_snapshot in test/integration/test_node.c: return MUNIT_SKIP;',
    ]);
    expect(munit[0]?.details).toMatchObject({ test: '/node/snapshotParamsThresholdLargerThanTrailing', language: 'c' });
    // dqlite's older macros: `TEST_CASE(suite, name, params)`, and with a group before the name.
    const cases = await classifyAll(removedTests, await parseDiff(`diff --git a/test/unit/test_tuple.c b/test/unit/test_tuple.c
--- a/test/unit/test_tuple.c
+++ b/test/unit/test_tuple.c
@@ -70,6 +70,2 @@ TEST_SUITE(decoder);
 TEST_CASE(printf, success, NULL)
-TEST_CASE(printf, oom, NULL)
-{
-}
-TEST_CASE(decoder, init, param32, NULL)
 {
`));
    expect(messages(cases)).toEqual(['test /printf/oom removed from test/unit/test_tuple.c', 'test /decoder/init/param32 removed from test/unit/test_tuple.c']);
    // dqlite renamed its `vfs` suite `vfs_extra`; cowsql kept `vfs`: only the test upstream added since is missing.
    const renamedSuite = await classifyAll(removedTests, await parseDiff(`diff --git a/test/unit/test_vfs_extra.c b/test/integration/test_vfs.c
similarity index 80%
rename from test/unit/test_vfs_extra.c
rename to test/integration/test_vfs.c
--- a/test/unit/test_vfs_extra.c
+++ b/test/integration/test_vfs.c
@@ -10,6 +10,5 @@
-TEST(vfs_extra, open, setUp, tearDown, 0, NULL)
-TEST(vfs_extra, checkpoint, setUp, tearDown, 0, NULL)
-TEST(vfs_extra, delete, setUp, tearDown, 0, NULL)
-TEST(vfs_extra, changePageSize, setUp, tearDown, 0, NULL)
+TEST(vfs, open, setUp, tearDown, 0, vfs_params)
+TEST(vfs, checkpoint, setUp, tearDown, 0, vfs_params)
+TEST(vfs, delete, setUp, tearDown, 0, vfs_params)
+TEST(open, first, setUp, tearDown, 0, NULL)
`));
    expect(messages(renamedSuite)).toEqual(['test /vfs_extra/changePageSize removed from test/integration/test_vfs.c']);
    // mutter's GLib registrations, a check suite and cmocka's list; GoogleTest names Suite.Name.
    const others = await classifyAll(removedTests, await parseDiff(`diff --git a/src/tests/monitor-unit-tests.c b/src/tests/monitor-unit-tests.c
--- a/src/tests/monitor-unit-tests.c
+++ b/src/tests/monitor-unit-tests.c
@@ -9000,4 +9000,2 @@ init_monitor_tests (void)
   add_monitor_test ("/backends/monitor/initial-linear", meta_test_monitor_initial_linear);
-  g_test_add_func ("/backends/monitor/config-store-set-current", meta_test_monitor_config_store_set_current);
-  g_test_add_data_func ("/backends/monitor/switch-config", NULL, meta_test_switch_config);
   g_test_add_func ("/backends/monitor/wm-tiling", meta_test_monitor_wm_tiling);
diff --git a/tests/check_list.c b/tests/check_list.c
--- a/tests/check_list.c
+++ b/tests/check_list.c
@@ -20,4 +20,1 @@
-START_TEST(test_list_remove)
-{
-}
 END_TEST
diff --git a/tests/test_cmocka.c b/tests/test_cmocka.c
--- a/tests/test_cmocka.c
+++ b/tests/test_cmocka.c
@@ -40,4 +40,3 @@ int main(void)
     const struct CMUnitTest tests[] = {
-        cmocka_unit_test_setup_teardown(test_parse_empty, setup, teardown),
         cmocka_unit_test(test_parse_full),
     };
diff --git a/test/parser_test.cc b/test/parser_test.cc
--- a/test/parser_test.cc
+++ b/test/parser_test.cc
@@ -1,4 +1,3 @@
-TEST_F(ParserTest, RejectsEmpty) {
-}
 TEST_F(ParserTest, ParsesFull) {
+  GTEST_SKIP() << "flaky on arm";
 }
`));
    expect(messages(others).sort()).toEqual([
      'skip added to test ParserTest.ParsesFull in test/parser_test.cc: GTEST_SKIP() << "flaky on arm";',
      'test /backends/monitor/config-store-set-current removed from src/tests/monitor-unit-tests.c',
      'test /backends/monitor/switch-config removed from src/tests/monitor-unit-tests.c',
      'test ParserTest.RejectsEmpty removed from test/parser_test.cc',
      'test test_list_remove removed from tests/check_list.c',
      'test test_parse_empty removed from tests/test_cmocka.c',
    ]);
  });

  it('never reports vendored tests, and only test matrices of workflows', () => {
    expect(findings.some((finding) => finding.path.startsWith('vendor/'))).toBe(false);
    expect(byPath(findings, '.github/workflows/test.yml')).toEqual([
      'test matrix entry python-version: 3.12 commented out in job "integration-tests"',
    ]);
  });

  it('marks the hunks its findings come from, and only those', () => {
    const users = files.find((file) => file.path === 'src/api/users.test.ts');
    expect(users?.hunks.map((hunk) => hunk.categories)).toEqual([['removed-tests'], []]);
    const vendored = files.find((file) => file.path.startsWith('vendor/'));
    expect(vendored && removedTests.matches(vendored)).toBe(false);
  });

  it('keeps a Go test registered in a list when it only moved', async () => {
    const moved = await parseDiff(`diff --git a/x_test.go b/x_test.go
--- a/x_test.go
+++ b/x_test.go
@@ -10,4 +10,4 @@ func TestIntegration(t *testing.T) {
 		testA,
-		testB,
 		testC,
+		testB,
`);
    expect(await classifyAll(removedTests, moved)).toEqual([]);
  });

  it("reads a bare testX only in a list of tests, not as a table case's field", async () => {
    const names = async (body: string) => messages(await classifyAll(removedTests, await parseDiff(`diff --git a/x_test.go b/x_test.go
--- a/x_test.go
+++ b/x_test.go
${body}`)));
    // opentofu dropped terraform's "partner provider" case: its first field is a signature, not a test.
    expect(await names(`@@ -140,18 +140,6 @@ func TestSignatureAuthentication_success(t *testing.T) {
 	}{
-		"partner provider": {
-			testAuthorSignatureGoodBase64,
-			[]SigningKey{},
-		},
 		"community provider": {
 			testAuthorSignatureGoodBase64,
`)).toEqual([]);
    // In a list, alone in the hunk or first after the list's opening, it is a test.
    expect(await names(`@@ -10,4 +10,3 @@ func TestIntegration(t *testing.T) {
 		testA,
-		testB,
 		testC,
`)).toEqual(['test testB removed from x_test.go']);
    // buildkit heads each group of its list with a comment naming the file.
    expect(await names(`@@ -20,7 +20,6 @@ var allTests = integration.TestFuncs(
 	testOCILayoutSource,
 
 	// client_session_test.go
-	testSessionHealthMonitorFailsBlockedSecretResponse,
 
 	// client_source_map_test.go
 	testSourceMap,
`)).toEqual(['test testSessionHealthMonitorFailsBlockedSecretResponse removed from x_test.go']);
    expect(await names(`@@ -10,3 +10,2 @@ var allTests = integration.TestFuncs(
 var allTests = integration.TestFuncs(
-	testOnly,
 )
`)).toEqual(['test testOnly removed from x_test.go']);
  });

  it('reads a removed CI job as a test job by its name (test, e2e, integration, spec) or its command, not by "check"', async () => {
    const findings = await classifyAll(removedTests, await parseDiff(`diff --git a/.github/workflows/ci.yml b/.github/workflows/ci.yml
--- a/.github/workflows/ci.yml
+++ b/.github/workflows/ci.yml
@@ -3,15 +3,0 @@ jobs:
-  check-environment:
-    runs-on: ubuntu-latest
-    steps:
-      - run: test -n "$CROWDIN_TOKEN"
-  check:
-    runs-on: ubuntu-latest
-    steps:
-      - run: ruff check .
-  distcheck:
-    runs-on: ubuntu-latest
-    steps:
-      - run: make -j4 check
-  unit-tests:
-    runs-on: ubuntu-latest
-    steps: []
`));
    expect(messages(findings)).toEqual(['test job "distcheck" removed', 'test job "unit-tests" removed']);
  });

  describe('in a fork that renamed its product (redis → valkey)', async () => {
    const renames = learntRenames();
    renames.learn('src/valkey-cli.c', 'src/redis-cli.c');
    const renamed = { ...diffFileContext(), translate: renames.translate };
    const goTests = await parseDiff(`diff --git a/pkg/server/server_test.go b/pkg/server/server_test.go
--- a/pkg/server/server_test.go
+++ b/pkg/server/server_test.go
@@ -1,9 +1,13 @@
 package server
 
-func TestRedisPing(t *testing.T) {
+func TestValkeyPing(t *testing.T) {
 	ping(t)
 }
 
-func TestRedisCliPipe(t *testing.T) {
-	pipe(t)
+func TestValkeyOnlyCluster(t *testing.T) {
+	t.Skip("needs the fork's cluster runner")
+	cluster(t)
 }
+
+func TestRedisPong(t *testing.T) {
+	pong(t)
+}
`);

    it("reads a test under the fork's name for the product as the same test, and still finds one it dropped", async () => {
      expect(messages(await classifyAll(removedTests, goTests, renamed))).toEqual(['test TestRedisCliPipe removed from pkg/server/server_test.go']);
      // Without the renames, the renamed test reads as removed.
      expect(messages(await classifyAll(removedTests, goTests, diffFileContext())).sort()).toEqual([
        'test TestRedisCliPipe removed from pkg/server/server_test.go',
        'test TestRedisPing removed from pkg/server/server_test.go',
      ]);
    });

    it("does not report a skip in a test the fork added itself: it stops none of upstream's", async () => {
      const findings = await classifyAll(removedTests, goTests, renamed);
      expect(findings.filter((finding) => finding.kind === 'skip-added')).toEqual([]);
      // A skip the fork added to upstream's test, renamed or not, is still one.
      const skipped = await parseDiff(`diff --git a/pkg/server/server_test.go b/pkg/server/server_test.go
--- a/pkg/server/server_test.go
+++ b/pkg/server/server_test.go
@@ -1,5 +1,6 @@
 package server
 
-func TestRedisPing(t *testing.T) {
+func TestValkeyPing(t *testing.T) {
+	t.Skip("flaky on the fork's runners")
 	ping(t)
 }
`);
      expect(messages(await classifyAll(removedTests, skipped, renamed))).toEqual([
        'skip added to test TestValkeyPing in pkg/server/server_test.go: t.Skip("flaky on the fork\'s runners")',
      ]);
    });

    it("reads a deleted test file whose tests an added file declares under the fork's names as moved", async () => {
      const moved = await parseDiff(`diff --git a/tests/redis_cli_test.go b/tests/redis_cli_test.go
deleted file mode 100644
--- a/tests/redis_cli_test.go
+++ /dev/null
@@ -1,3 +0,0 @@
-package tests
-
-func TestRedisCliHelp(t *testing.T) {}
diff --git a/tests/valkey_cli_test.go b/tests/valkey_cli_test.go
new file mode 100644
--- /dev/null
+++ b/tests/valkey_cli_test.go
@@ -0,0 +1,3 @@
+package tests
+
+func TestValkeyCliHelp(t *testing.T) {}
`);
      expect(await classifyAll(removedTests, moved, renamed)).toEqual([]);
      expect(messages(await classifyAll(removedTests, moved, diffFileContext()))).toEqual([
        'test file tests/redis_cli_test.go deleted (1 test: TestRedisCliHelp)',
      ]);
    });
  });
});

describe('a skip call over several lines', async () => {
  const { wholeCall } = await import('../../src/classifiers/tests/testFindings.js');

  it("reads its condition and reason (Playwright's test.skip), not a test's body", () => {
    const lines = ['export const skipIfOld = (version) => {', '  test.skip(', '    version === "5.0-edge",', '    "Cluster tests not supported for lxd 5.0",', '  );', '};'];
    expect(wholeCall(lines, 1)).toBe('test.skip(version === "5.0-edge", "Cluster tests not supported for lxd 5.0");');
    expect(wholeCall(["test.skip('paginates', async (page) => {", '  await page.goto("/");', '});'], 0)).toBe("test.skip('paginates', async (page) => {");
    expect(wholeCall(['t.Skip("flaky")'], 0)).toBe('t.Skip("flaky")');
    // A call that does not close soon, or opens a block, stays its first line.
    expect(wholeCall(['test.skip(', 'a,', 'b,', 'c,', 'd,', 'e,', ')'], 0)).toBe('test.skip(');
    expect(wholeCall(['test.skip(', '() => {', '})'], 0)).toBe('test.skip(');
  });
});
