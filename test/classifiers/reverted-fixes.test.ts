import { describe, expect, it } from 'vitest';
import revertedFixes from '../../src/classifiers/reverted-fixes.js';
import { definedName } from '../../src/classifiers/fixes/deletedFunctions.js';
import { MAX_CODE_LINE_CHARS, signalsOf } from '../../src/classifiers/fixes/signals.js';
import type { Finding } from '../../src/model.js';
import { classifyAll, gitContext, loadDiff, parseDiff } from './helpers.js';

const summary = (findings: Finding[]): string[] =>
  findings.map((finding) => `${finding.confidence} ${finding.path}: ${finding.message}`).sort();

describe('reverted-fixes classifier', async () => {
  const files = await loadDiff('fixes.diff');
  const findings = await classifyAll(revertedFixes, files);

  it('finds missing nil guards and locks in Go, Python, TS and Java with their evidence', () => {
    expect(summary(findings)).toEqual([
      'low web/src/session.ts: fork lacks upstream guard: if (!token) { throw new UnauthorizedError(\'missing token\'); }',
      'medium app/worker.py: fork lacks upstream nil check: if job is None: return with self._lock:',
      'medium pkg/cache/cache.go: fork lacks upstream nil check: if e == nil { return nil, ErrNotFound } (+2 more lines)',
      'medium src/Handler.java: fork lacks upstream nil check: if (r.body() == null) { return; }',
    ]);
    const cache = findings.find((finding) => finding.path === 'pkg/cache/cache.go');
    expect(cache?.details['evidence']).toEqual(['c.mu.RLock()', 'defer c.mu.RUnlock()', 'if e == nil {', 'return nil, ErrNotFound']);
    expect(cache?.details['signals']).toEqual(['nil-check', 'lock', 'early-exit']);
    expect(cache?.details['commits']).toBeUndefined();
  });

  it('ignores refactors, code the fork added, moved guards, docs, new fork files and test helpers', () => {
    const paths = new Set(findings.map((finding) => finding.path));
    for (const path of ['docs/guide.md', 'pkg/moved/moved.go', 'pkg/forknew/new.go', 'internal/testutil/server.go']) expect(paths.has(path)).toBe(false);
    const cache = files.find((file) => file.path === 'pkg/cache/cache.go');
    // Only the hunk with the missing guard carries the category: the rename and the fork's own bounds check do not.
    expect(cache?.hunks.map((hunk) => hunk.categories)).toEqual([['reverted-fixes'], [], []]);
    expect(files.find((file) => file.path === 'docs/guide.md') && revertedFixes.matches(files.find((file) => file.path === 'docs/guide.md')!)).toBe(false);
  });

  it('takes side, commits and line from the lines it was read from, and words the message by side', async () => {
    const [file] = await parseDiff(`diff --git a/a.go b/a.go
--- a/a.go
+++ b/a.go
@@ -3,4 +3,1 @@ func f() {
-	if ref == nil {
-		continue
-	}
 	use(ref)
`);
    // Upstream wrote lines 3-5 in commit abc1234: git mode's facts for the `-` lines.
    const facts = { upstream: new Map([3, 4, 5].map((line) => [line, { side: 'upstream' as const, commits: ['abc1234'] }])), fork: new Map() };
    const [finding] = await classifyAll(revertedFixes, [file!], { ...gitContext({}), linesOf: () => facts });
    expect(finding).toMatchObject({ confidence: 'high', side: 'upstream', commits: ['abc1234'], line: 3, lineIn: 'upstream' });
    expect(finding?.message).toBe('fork lacks upstream nil check: if ref == nil { continue }');

    // The same lines the fork removed (they were in the merge base): the fork took the guard out.
    const removed = { upstream: new Map([3, 4, 5].map((line) => [line, { side: 'fork' as const, commits: ['def5678'] }])), fork: new Map() };
    const [byFork] = await classifyAll(revertedFixes, [file!], { ...gitContext({}), linesOf: () => removed });
    expect(byFork).toMatchObject({ side: 'fork', commits: ['def5678'], message: 'fork removed nil check: if ref == nil { continue }' });
    expect(byFork?.fingerprint).toBe(finding?.fingerprint);
  });

  it('reads fix commits of a hunk both sides changed from upstream\'s writers, not the fork\'s own fix of the same lines', async () => {
    // cowsql's parseLocalInfo: the fork dropped `const` (its fix of a C23 warning), upstream cast memchr's result (its own).
    const [file] = await parseDiff(`diff --git a/src/server.c b/src/server.c
--- a/src/server.c
+++ b/src/server.c
@@ -1240,5 +1126,5 @@ static int parseLocalInfo(char *buf,
 {
-	const char *p = buf;
+	char *p = buf;
 	const char *end = buf + len;
-	nl = (char*)memchr(p, '\\n', (size_t)(end - p));
+	nl = memchr(p, '\\n', (size_t)(end - p));
 	if (nl == NULL) {
`);
    const facts = {
      upstream: new Map([[1241, { side: 'fork' as const, commits: ['fk1'] }], [1243, { side: 'upstream' as const, commits: ['up1'] }]]),
      fork: new Map([[1127, { side: 'fork' as const, commits: ['fk1'] }], [1129, { side: 'upstream' as const, commits: ['up1'] }]]),
    };
    const subjects = (upstream: string) => (sha: string) => ({ fk1: 'Fix -Wdiscarded-qualifiers warnings when using C23 memchr', up1: upstream })[sha] ?? null;
    const audit = async (upstream: string) => classifyAll(revertedFixes, [file!], { ...gitContext({}), linesOf: () => facts, commitSubject: subjects(upstream) });
    // Upstream's commit says no fix: the fork's fix is not one it lacks.
    expect(await audit('chore: correct const qualifier issue in src/server.c')).toEqual([]);
    // Upstream's says it fixes: that commit alone is the evidence.
    const [finding] = await audit('fix: cast memchr results for C23');
    expect(finding).toMatchObject({ side: 'both', details: { signals: ['fix-commit'], fixCommits: ['up1 fix: cast memchr results for C23'] } });
    expect(finding?.commits[0]).toBe('up1');
  });

  it('reads a guard the fork removed in a cleanup, a move or a new helper as doubtful, and in other work as it was', async () => {
    const [file] = await parseDiff(`diff --git a/dbe.c b/dbe.c
--- a/dbe.c
+++ b/dbe.c
@@ -3,4 +3,1 @@ static int ProcDbeSwapBuffers(ClientPtr client) {
-    if ((pDbeWindowPriv = DBE_WINDOW_PRIV(pWin)) == NULL) {
-        return BadMatch;
-    }
     use(pWin);
`);
    const removed = { upstream: new Map([3, 4, 5].map((line) => [line, { side: 'fork' as const, commits: ['def5678'] }])), fork: new Map() };
    const confidence = async (subject: string) =>
      (await classifyAll(revertedFixes, [file!], { ...gitContext({}), linesOf: () => removed, commitSubject: () => subject }))[0]?.confidence;
    // X11Libre's tree-wide rework: the fork's commits say what they did.
    expect(await confidence('dbe: locally scope variables and declare when needed')).toBe('low');
    expect(await confidence('treewide: use helper dixGetScreenPtr() for retrieving ScreenPtr')).toBe('low');
    expect(await confidence('xfixes: move cursor count priv data into ScreenRec')).toBe('low');
    // A revert, a fix, or a subject that says neither, takes it out as it reads.
    expect(await confidence('Revert "dbe: move the window check into a helper"')).toBe('high');
    expect(await confidence('dbe: fix a crash on swap')).toBe('high');
    expect(await confidence('dbe: drop the window check, the caller does it')).toBe('high');
  });

  it('leaves out a guard that went with the function holding it, when the fork names the function nowhere', async () => {
    // pillow-simd replaced Filter.c's clip8 and every filter calling it with SIMD code.
    const [file] = await parseDiff(`diff --git a/Filter.c b/Filter.c
--- a/Filter.c
+++ b/Filter.c
@@ -27,9 +27,3 @@
 #include "Imaging.h"
 
-static inline UINT8 clip8(float in)
-{
-    if (in <= 0.0)
-        return 0;
-    if (in >= 255.0)
-        return 255;
-    return (UINT8) in;
-}
+#include "FilterSIMD_3x3f_u8.c"
`);
    const factsBy = (side: 'fork' | 'upstream', sha: string) => ({ upstream: new Map([29, 30, 31, 32, 33, 34, 35, 36].map((line) => [line, { side, commits: [sha] }])), fork: new Map() });
    const removed = factsBy('fork', 'def5678');
    const audit = async (forkText: string, facts = removed) => classifyAll(revertedFixes, [file!], { ...gitContext({ fork: { 'Filter.c': forkText } }), linesOf: () => facts });
    expect(await audit('#include "Imaging.h"\n\n#include "FilterSIMD_3x3f_u8.c"\nUINT8 *clip8_lookups;\n')).toEqual([]);
    expect(file?.hunks[0]?.categories).toEqual([]);
    // A call the fork kept: the function went, the guard with it, and the caller still needs it.
    expect((await audit('#include "FilterSIMD_3x3f_u8.c"\nout[x] = clip8(ss);\n')).map((finding) => finding.message)).toEqual([
      'fork removed zero-value check: if (in <= 0.0) return 0; if (in >= 255.0) return 255; return (UINT8) in; (+1 more line)',
    ]);
    // Upstream's new function the fork lacks is still upstream's fix.
    expect(await audit('#include "FilterSIMD_3x3f_u8.c"\n', factsBy('upstream', 'abc1234'))).toHaveLength(1);
  });

  it('reads a guard the fork has on the same field through a shorter or longer member path as kept', async () => {
    // nektos/act moved to moby's client (`result.Network.Containers`); gitea's fork keeps docker's (`result.Containers`).
    const guard = (upstream: string, fork: string) => parseDiff(`diff --git a/net.go b/net.go
--- a/net.go
+++ b/net.go
@@ -60,4 +60,4 @@ func remove(ctx context.Context) error {
 				result, err := inspect(ctx)
-				if ${upstream} == 0 {
-					return nil
+				if ${fork} == 0 {
+					return nil // kept
 				}
`);
    const messages = async (upstream: string, fork: string) => (await classifyAll(revertedFixes, await guard(upstream, fork))).map((finding) => finding.message);
    expect(await messages('len(result.Network.Containers)', 'len(result.Containers)')).toEqual([]);
    // opentofu reaches terraform's c.CLIConfigDir through its embedded system config.
    expect(await messages('len(c.CLIConfigDir)', 'len(c.SystemCfg.CLIConfigDir)')).toEqual([]);
    // Another field, or another object, is another guard (a path of the same length reads as a rename, as every shape does).
    expect(await messages('len(result.Network.Containers)', 'len(result.Aliases)')).toHaveLength(1);
    expect(await messages('len(result.Network.Containers)', 'len(other.Containers)')).toHaveLength(1);
  });

  it('reads the other lines of a hunk that moved a member path as moved too, their fields renamed', async () => {
    // opentofu moved terraform's CLI options under opts.StateArgs, and renamed StateBackupPath to BackupPath there.
    const options = (paths: [string, string][]) => parseDiff(`diff --git a/cli.go b/cli.go
--- a/cli.go
+++ b/cli.go
@@ -20,6 +20,6 @@ func (b *Local) CLIInit(opts *backend.CLIOpts) error {
${paths.map(([upstream]) => `-\tif opts.${upstream} != "" {\n-\t\treturn errors.New("${upstream} given twice")\n-\t}`).join('\n')}
${paths.map(([, fork]) => `+\tif opts.${fork} != "" {\n+\t\treturn errors.New("${fork} given twice")\n+\t}`).join('\n')}
`);
    const audit = async (paths: [string, string][]) => (await classifyAll(revertedFixes, await options(paths))).map((finding) => finding.message);
    expect(await audit([['StatePath', 'StateArgs.StatePath'], ['StateBackupPath', 'StateArgs.BackupPath']])).toEqual([]);
    // Alone, a field under another name on a path of another length is no evidence of a move.
    expect(await audit([['StateBackupPath', 'StateArgs.BackupPath']])).toHaveLength(1);
  });

  it('knows a function\'s definition in each language it reads, and a statement from one', () => {
    expect(['static inline UINT8 clip8(float in)', 'func (c *Cache) get(key string) (*Entry, error) {', 'async def fetch(url):', 'pub(crate) fn clip(v: f32) -> u8 {', 'export async function load(url) {', 'int main(int argc, char **argv) {'].map(definedName))
      .toEqual(['clip8', 'get', 'fetch', 'clip', 'load', 'main']);
    expect(['return clip8(in);', 'else if (clip8(x) > 0) {', 'x = clip8(in);', 'if (in <= 0.0)', 'clip8(in);'].map(definedName)).toEqual([null, null, null, null, null]);
  });

  it('fingerprints by evidence, not line numbers', async () => {
    const diff = (start: number, name: string) => `diff --git a/a.go b/a.go
--- a/a.go
+++ b/a.go
@@ -${start},2 +${start},0 @@
-	if ${name} == nil { return }
-	x()
`;
    const [a] = await classifyAll(revertedFixes, await parseDiff(diff(3, 'ref')));
    const [b] = await classifyAll(revertedFixes, await parseDiff(diff(300, 'ref')));
    const [c] = await classifyAll(revertedFixes, await parseDiff(diff(3, 'other')));
    expect(a?.fingerprint).toBe(b?.fingerprint);
    expect(a?.fingerprint).not.toBe(c?.fingerprint);
  });

  it('finds a guard condition the fork dropped from a loop exit, and names the clause', async () => {
    const [file] = await parseDiff(`diff --git a/vertex.go b/vertex.go
--- a/vertex.go
+++ b/vertex.go
@@ -275,7 +274,7 @@ func loadLLB(ctx context.Context) {
 	for {
 		newDgst, ok := mutatedDigests[lastDgst]
-		if !ok || newDgst == lastDgst {
+		if !ok {
 			break
 		}
 		lastDgst = newDgst
`);
    const [finding] = await classifyAll(revertedFixes, [file!]);
    expect(finding).toMatchObject({
      confidence: 'medium',
      message: 'fork lacks upstream guard condition: newDgst == lastDgst, in if !ok || newDgst == lastDgst {',
      details: { signals: ['dropped-clause'], droppedClauses: ['newDgst == lastDgst'] },
    });
  });

  it('does not read a Go declaration the fork grouped into a var block as removed (gofumpt)', async () => {
    const grouped = (path: string) => parseDiff(`diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -10,4 +10,7 @@ import "sync"
-var udpSessionsLock sync.Mutex
-var udpSessions = map[string]*udpSession{}
+var (
+	udpSessionsLock sync.Mutex
+	udpSessions     = map[string]*udpSession{}
+)
 
 func proxy() {
`);
    const [go] = await grouped('main_forkproxy.go');
    expect(await classifyAll(revertedFixes, [go!])).toEqual([]);
    // Only Go groups declarations so: elsewhere the keyword is the declaration (JavaScript's `var` against an assignment).
    const [js] = await grouped('proxy.js');
    expect((await classifyAll(revertedFixes, [js!])).map((finding) => finding.message)).toEqual(['fork lacks upstream lock: var udpSessionsLock sync.Mutex var udpSessions = map[string]*udpSession{}']);
  });

  it('does not read a rewritten condition as a dropped guard', async () => {
    const [file] = await parseDiff(`diff --git a/v.go b/v.go
--- a/v.go
+++ b/v.go
@@ -1,3 +1,3 @@ func f() {
-	if !ok || next == last {
+	if !found {
 		break
 	}
`);
    expect(await classifyAll(revertedFixes, [file!])).toEqual([]);
  });

  it("does not read a Go error the fork wrapped (%w, no .Error(), other quotes) as removed handling; one it dropped still is", async () => {
    const diff = (path: string, fork: string) => parseDiff(`diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -20,9 +20,9 @@ func (b *Backend) lock() error {
 	if err != nil {
-		err = fmt.Errorf("build sts requests err: %s", err.Error())
+		${fork}
 		return
 	}
 	if err := stateMgr.Unlock(lockId); err != nil {
-		return fmt.Errorf(\`error unlocking Postgres state: %s\`, err)
-		return fmt.Errorf("failed: %s", diags.Err().Error())
+		return fmt.Errorf("error unlocking Postgres state: %w", err)
+		return fmt.Errorf("failed: %w", diags.Err())
 	}
`);
    // opentofu's errorlint pass over terraform's backends.
    const [wrapped] = await diff('internal/backend/oss/backend.go', 'err = fmt.Errorf("build sts requests err: %w", err)');
    expect(await classifyAll(revertedFixes, [wrapped!])).toEqual([]);
    // The same line gone for a log call is still handling the fork took out.
    const [dropped] = await diff('internal/backend/oss/backend.go', 'log.Print("build sts requests")');
    expect((await classifyAll(revertedFixes, [dropped!])).map((finding) => finding.message)).toEqual([
      'fork lacks upstream error handling: err = fmt.Errorf("build sts requests err: %s", err.Error())',
    ]);
    // Only upstream's line loses its `.Error()`: a fork line that keeps one is no rename of a line without (buildkit's client/solve.go).
    const [kept] = await parseDiff(`diff --git a/client/solve.go b/client/solve.go
--- a/client/solve.go
+++ b/client/solve.go
@@ -10,5 +10,3 @@ func parseCacheOptions() {
 	if err != nil {
-		bklog.G(ctx).Warning("local cache import at " + csDir + " skipped due to err: " + err.Error())
+		bklog.G(ctx).Warning("local cache import at " + csDir + " not found due to err: " + err.Error())
 		continue
 	}
-	if desc == nil {
-		bklog.G(ctx).Warning("local cache import at " + csDir + " skipped: no digest found for tag " + tag)
`);
    expect((await classifyAll(revertedFixes, [kept!])).map((finding) => finding.details['evidence'])).toEqual([
      ['if desc == nil {', 'bklog.G(ctx).Warning("local cache import at " + csDir + " skipped: no digest found for tag " + tag)'],
    ]);
    // `.Error()` is Go's: in JavaScript a call left out is a change of value (a string's quotes are not).
    const [js] = await diff('src/backend.js', 'err = fmt.Errorf("build sts requests err: %w", err)');
    expect((await classifyAll(revertedFixes, [js!])).map((finding) => finding.details['evidence'])).toEqual([
      ['err = fmt.Errorf("build sts requests err: %s", err.Error())', 'return fmt.Errorf("failed: %s", diags.Err().Error())'],
    ]);
  });
});

describe('reverted-fixes: guards of any shape, helpers, and what commits say', () => {
  const fixes = async (diff: string, context = gitContext({})) => classifyAll(revertedFixes, await parseDiff(diff), context);

  it('finds compound guards in C and Python', async () => {
    const found = await fixes(`diff --git a/src/server.c b/src/server.c
--- a/src/server.c
+++ b/src/server.c
@@ -10,6 +10,3 @@ int kv_get(const char *key, char *out, size_t len) {
     kv_entry *entry = kv_find(table, key);
-    if (entry == NULL || len == 0) {
-        return KV_ERR;
-    }
     memcpy(out, entry->value, entry->len);
diff --git a/app/jobs.py b/app/jobs.py
--- a/app/jobs.py
+++ b/app/jobs.py
@@ -4,3 +4,2 @@ def run(job, worker):
-    if not job or not worker: return
     worker.take(job)
`);
    expect(summary(found)).toEqual([
      'low app/jobs.py: fork lacks upstream guard: if not job or not worker: return',
      'medium src/server.c: fork lacks upstream nil check: if (entry == NULL || len == 0) { return KV_ERR; }',
    ]);
  });

  it('does not report a condition (or its first clauses) the fork replaced with a helper that tests the same names', async () => {
    expect(await fixes(`diff --git a/a.go b/a.go
--- a/a.go
+++ b/a.go
@@ -3,4 +3,4 @@ func f(refs []Ref) {
-	if refs == nil || len(refs) == 0 {
+	if isEmpty(refs) {
 		return
 	}
`)).toEqual([]);
    // valkey: the first clauses of a multi-line condition, replaced by a camelCase predicate of the same node.
    expect(await fixes(`diff --git a/src/cluster.c b/src/cluster.c
--- a/src/cluster.c
+++ b/src/cluster.c
@@ -2005,6 +2005,6 @@ void clearNodeFailureIfNeeded(clusterNode *node) {
-    if (nodeIsMaster(node) && node->numslots > 0 &&
+    if (clusterNodeIsVotingPrimary(node) &&
         (now - node->fail_time) >
         (server.cluster_node_timeout * CLUSTER_FAIL_UNDO_TIME_MULT))
     {
`)).toEqual([]);
    // ...not when a clause tests something the helper is not given.
    expect(await fixes(`diff --git a/src/cluster.c b/src/cluster.c
--- a/src/cluster.c
+++ b/src/cluster.c
@@ -2005,6 +2005,6 @@ void clearNodeFailureIfNeeded(clusterNode *node) {
-    if (nodeIsMaster(node) && myself->numslots > 0 &&
+    if (clusterNodeIsVotingPrimary(node) &&
         (now - node->fail_time) >
         (server.cluster_node_timeout * CLUSTER_FAIL_UNDO_TIME_MULT))
     {
`)).toHaveLength(1);
    // Any other call is not a stand-in for the guard.
    expect(await fixes(`diff --git a/a.go b/a.go
--- a/a.go
+++ b/a.go
@@ -3,4 +3,4 @@ func f(ref Ref) {
-	if ref == nil {
+	if process(ref) {
 		return
 	}
`)).toHaveLength(1);
  });

  it('does not read lines the fork kept re-flowed as missing, joined or split; shows them beside what it lacks', async () => {
    // incus-ui: the fork joined upstream's three-line conditional and translated its strings.
    expect(await fixes(`diff --git a/src/FormSubmitBtn.tsx b/src/FormSubmitBtn.tsx
--- a/src/FormSubmitBtn.tsx
+++ b/src/FormSubmitBtn.tsx
@@ -43,5 +42,3 @@ const FormSubmitBtn: FC<Props> = ({
     >
-      {changeCount === 0 || isYaml
-        ? "Save changes"
-        : \`Save \${changeCount} \${pluralize("change", changeCount)}\`}
+      {changeCount === 0 || isYaml ? "保存更改" : \`保存 \${changeCount} 处更改\`}
     </ActionButton>
`)).toEqual([]);
    // The fork split upstream's one line in two.
    expect(await fixes(`diff --git a/a.ts b/a.ts
--- a/a.ts
+++ b/a.ts
@@ -3,3 +3,4 @@ function f(items: Item[]) {
-  if (items === undefined || items.length === 0) {
+  if (items === undefined ||
+      items.length === 0) {
     return;
   }
`)).toEqual([]);
    // A kept line is context for what the fork lacks (\`setSection\`), and the finding is read from that alone.
    const [partly] = await fixes(`diff --git a/a.tsx b/a.tsx
--- a/a.tsx
+++ b/a.tsx
@@ -10,5 +10,2 @@ export const Edit = () => {
-      <SecurityPoliciesForm
-        formik={formik}
-        setSection={updateSection}
-      />
+      <SecurityPoliciesForm formik={formik} />
`, {
      ...gitContext({}),
      linesOf: () => ({ upstream: new Map([[10, 'feat'], [11, 'feat'], [12, 'fix1'], [13, 'fix1']].map(([line, sha]) => [line as number, { side: 'upstream' as const, commits: [sha as string] }])), fork: new Map() }),
      commitSubject: (sha: string) => (sha === 'fix1' ? 'fix(instance): keep the section in sync' : 'feat: security policies'),
    });
    expect(partly).toMatchObject({ message: 'fork lacks upstream fix: <SecurityPoliciesForm formik={formik} setSection={updateSection} />', line: 12, commits: ['fix1'] });
    expect(partly?.details['evidence']).toEqual(['<SecurityPoliciesForm', 'formik={formik}', 'setSection={updateSection}', '/>']);
    // A piece that goes on differently in the fork is not the same code: \`return nil\` is not in \`return nil, err\`.
    expect(await fixes(`diff --git a/a.go b/a.go
--- a/a.go
+++ b/a.go
@@ -3,4 +3,3 @@ func f(ref *Ref) error {
-	if ref == nil {
-		return nil
-	}
+	return nil, err
`)).toMatchObject([{ details: { signals: ['nil-check', 'early-exit'] } }]);
  });

  it('names the fix commit first, and reads no stylesheet (no guard there; the commit is listed with the missing ones)', async () => {
    const diff = (path: string) => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -10,4 +10,2 @@ export const Nav = () => {
-  const baseUrls = [\`\${ROOT_PATH}/ui/cluster\`];
-  if (!project) {
+  if (project === undefined) {
     return null;
   }
`;
    const context = {
      ...gitContext({}),
      linesOf: () => ({ upstream: new Map([[10, 'f3a7'], [11, 'b0f1']].map(([line, sha]) => [line as number, { side: 'upstream' as const, commits: [sha as string] }])), fork: new Map() }),
      commitSubject: (sha: string) => (sha === 'b0f1' ? 'fix: address empty icon on menu collapse' : 'feat(build): handle relative URL'),
    };
    const [finding] = await fixes(diff('src/components/Navigation.tsx'), context);
    expect(finding?.commits).toEqual(['b0f1', 'f3a7']);
    expect(await fixes(diff('src/sass/_navigation.scss'), context)).toEqual([]);
  });

  it("reads no data or configuration file: a fix's translation string, docs entry or ignore line is not the fix", async () => {
    const diff = (path: string, line: string) => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -10,3 +10,2 @@
     keep
-${line}
     keep
`;
    const context = {
      ...gitContext({}),
      linesOf: () => ({ upstream: new Map([[11, { side: 'upstream' as const, commits: ['c4b7'] }]]), fork: new Map() }),
      commitSubject: () => 'fix: add timeout functionality to kafka (#7472)',
    };
    // The fix's code: its commit alone says it fixed something.
    expect(await fixes(diff('server/util-server.js', '    connectionTimeout: connectionTimeout * 1000,'), context)).toMatchObject([{ details: { signals: ['fix-commit'] } }]);
    for (const [path, line] of [
      ['src/lang/en.json', '    "Connection Timeout": "Connection Timeout",'],
      ['mkdocs.yml', "    - MACAddress: 'models/dcim/macaddress.md'"],
      ['.github/dependabot.yml', '      crazy-max-dot-github:'],
      ['config/app.toml', 'timeout = 30'],
      ['.gitignore', '/build/'],
      ['res/values/strings.xml', '    <string name="timeout">Timeout</string>'],
    ]) expect(await fixes(diff(path ?? '', line ?? ''), context)).toEqual([]);
  });

  it('compares lines without trailing lint pragmas: a fork that dropped `# type: ignore` kept the code', async () => {
    const diff = (forkLines: string[]) => `diff --git a/app/help.py b/app/help.py
--- a/app/help.py
+++ b/app/help.py
@@ -10,4 +10,${2 + forkLines.length} @@ class HelpCommand:
         found = cmd.all_commands.get(key)
-        if found is None:  # type: ignore[union-attr]
-            return None  # pragma: no cover
${forkLines.map((line) => `+${line}\n`).join('')}         cmd = found
`;
    expect(await fixes(diff(['        if found is None:', '            return None']))).toEqual([]);
    // The pragma aside, a line the fork lacks is still missing, and shown as upstream has it.
    expect((await fixes(diff([])))[0]?.details['evidence']).toEqual(['if found is None: # type: ignore[union-attr]', 'return None # pragma: no cover']);
  });

  it("reads a member the fork reaches through a pointer as a rename (KeyDB's `g_pserver->` for redis's `server.`)", async () => {
    const diff = (forkLine: string) => `diff --git a/src/cluster.c b/src/cluster.c
--- a/src/cluster.c
+++ b/src/cluster.c
@@ -686,4 +686,4 @@ void clusterUpdateState(void) {
 void clusterHandleConfigEpochCollision(clusterNode *sender) {
-    if (server.masterhost == NULL && server.loading) return;
+${forkLine}
     clusterDoBeforeSleep(CLUSTER_TODO_SAVE_CONFIG);
`;
    expect(await fixes(diff('    if (g_pserver->masterhost == NULL && g_pserver->loading) return;'))).toEqual([]);
    expect(await fixes(diff('    clusterLog(LL_NOTICE, "collision");'))).toHaveLength(1);
  });

  it('does not read a call the fork gave one more argument as a removed guard; a guard the fork changed otherwise still is', async () => {
    // etcd's OpenShift fork passes its max-learners option to every NewClusterFromURLsMap.
    const diff = (forkLine: string) => `diff --git a/server/etcdserver/server.go b/server/etcdserver/server.go
--- a/server/etcdserver/server.go
+++ b/server/etcdserver/server.go
@@ -462,5 +462,5 @@ func NewServer(cfg config.ServerConfig) (srv *EtcdServer, err error) {
 			if config.CheckDuplicateURL(urlsmap) {
 				return nil, fmt.Errorf("discovery cluster %s has duplicate url", urlsmap)
 			}
-			if cl, err = membership.NewClusterFromURLsMap(cfg.Logger, cfg.InitialClusterToken, urlsmap); err != nil {
+${forkLine}
 				return nil, err
`;
    const call = '\t\t\tif cl, err = membership.NewClusterFromURLsMap(';
    expect(await fixes(diff(`${call}cfg.Logger, cfg.InitialClusterToken, urlsmap, membership.WithMaxLearners(cfg.ExperimentalMaxLearners)); err != nil {`))).toEqual([]);
    expect(await fixes(diff(`${call}membership.WithMaxLearners(cfg.ExperimentalMaxLearners), cfg.Logger, cfg.InitialClusterToken, urlsmap); err != nil {`))).toEqual([]);
    // Not an argument: the inserted text does not start or end a list item, or the guard itself went.
    expect(await fixes(diff(`${call}cfg.Logger, cfg.InitialClusterToken, urlsmap); err != nil && !cfg.Strict {`))).toHaveLength(1);
    expect(await fixes(diff(`${call}cfg.Logger, cfg.InitialClusterToken, urlsmap, nil); err == nil {`))).toHaveLength(1);
  });

  it("compares lines as a formatter could have left them: prettier's semicolons, commas and arrow parentheses, an unread `as e`", async () => {
    // paperless-ngx ran prettier and black over paperless-ng's code.
    const ts = (forkLines: string[]) => `diff --git a/src/app/filter.pipe.ts b/src/app/filter.pipe.ts
--- a/src/app/filter.pipe.ts
+++ b/src/app/filter.pipe.ts
@@ -1,6 +1,${2 + forkLines.length} @@
 export class FilterPipe {
   transform(items: Item[], searchText: string): Item[] {
-    if (!items) return [];
-    if (this.open.find(d => d.id == doc.id) == null) {
-      platformBrowserDynamic().bootstrapModule(AppModule).catch(err => console.error(err), );
${forkLines.map((line) => `+${line}\n`).join('')}   }
`;
    const prettier = ['    if (!items) return []', '    if (this.open.find((d) => d.id == doc.id) == null) {', '      platformBrowserDynamic().bootstrapModule(AppModule).catch((err) => console.error(err))'];
    expect(await fixes(ts(prettier))).toEqual([]);
    // Formatting aside, a guard the fork lacks is still missing, shown as upstream wrote it.
    expect((await fixes(ts(prettier.slice(1))))[0]?.details['evidence']).toEqual(['if (!items) return [];']);
    const py = (forkLine: string) => `diff --git a/app/move.py b/app/move.py
--- a/app/move.py
+++ b/app/move.py
@@ -10,4 +10,4 @@ def move(src, dst):
         try:
             os.rename(src, dst)
-        except OSError as e:
+${forkLine}
             os.unlink(dst)
`;
    // pyflakes: the handler never read `e`. A handler turned into a `finally:` is another matter.
    expect(await fixes(py('        except OSError:'))).toEqual([]);
    expect(await fixes(py('        finally:'))).toHaveLength(1);
  });

  it('reads no HTML comment as code: a template comment alone is no missing fix', async () => {
    // uptime-kuma: "fork lacks upstream fix: <!-- Unsorted, since HTTP is commonly used -->".
    const diff = (lines: string[]) => `diff --git a/src/pages/EditMonitor.vue b/src/pages/EditMonitor.vue
--- a/src/pages/EditMonitor.vue
+++ b/src/pages/EditMonitor.vue
@@ -40,4 +40,${4 - lines.length} @@
                                 <select id="type" v-model="monitor.type" class="form-select">
${lines.map((line) => `-${line}\n`).join('')}                                     <option value="http">HTTP(s)</option>
                                 </select>
`;
    const context = {
      ...gitContext({}),
      linesOf: () => ({ upstream: new Map([[41, { side: 'upstream' as const, commits: ['fx1'] }]]), fork: new Map() }),
      commitSubject: () => 'fix(edit-monitor): several issues in the edit page',
    };
    expect(await fixes(diff(['                                    <!-- Unsorted, since HTTP is commonly used -->']), context)).toEqual([]);
    expect(await fixes(diff(['                                    <option value="group" v-if="isAdmin">Group</option>']), context)).toHaveLength(1);
  });

  it('does not read an empty block the fork gave a body as a missing one (a lint fix)', async () => {
    // uptime-kuma: "fork removed error handling: } catch (e) {}" where the fork wrote `} catch (e) {`, `void e;`, `}`.
    const diff = (forkLines: string[]) => `diff --git a/server/monitor.js b/server/monitor.js
--- a/server/monitor.js
+++ b/server/monitor.js
@@ -10,4 +10,${3 + forkLines.length} @@ class Monitor {
             await this.check();
-        } catch (e) {}
${forkLines.map((line) => `+${line}\n`).join('')}         return this;
     }
 }
`;
    expect(await fixes(diff(['        } catch (e) {', '            void e;', '        }']))).toEqual([]);
    // An empty literal is a value: the fork's `meta = {` opening another literal does not keep it (netbox: `meta = {}`).
    const literal = `diff --git a/app/request.py b/app/request.py
--- a/app/request.py
+++ b/app/request.py
@@ -10,4 +10,4 @@ def copy_safe_request(request):
-    meta = {}
-    if request is None:
+    meta = {
+        'k': 'v',
     return meta
`;
    expect((await fixes(literal))[0]?.details['evidence']).toEqual(['meta = {}', 'if request is None:']);
    expect((await fixes(diff(['        }'])))[0]?.details['evidence']).toEqual(['} catch (e) {}']);
  });

  it("shows the lines a fix commit wrote, not the fork's own edits beside them", async () => {
    // incus-ui: "fork lacks upstream fix: Pools (+6 more lines)", Pools being the label the fork translated.
    const [finding] = await fixes(`diff --git a/src/Navigation.tsx b/src/Navigation.tsx
--- a/src/Navigation.tsx
+++ b/src/Navigation.tsx
@@ -20,7 +20,6 @@ const Navigation = () => {
-            Pools
+            存储池
           </NavLink>
           <NavLink
-            to={\`\${ROOT_PATH}/ui/project/\${encodeURIComponent(projectName)}/storage/custom-isos\`}
-            baseUrls={[\`\${ROOT_PATH}/ui/project/\${encodeURIComponent(projectName)}/storage\`]}
+            to={\`/ui/project/\${projectName}/storage\`}
           >
`, {
      ...gitContext({}),
      linesOf: () => ({
        upstream: new Map([[20, { side: 'fork' as const, commits: ['tr1'] }], [23, { side: 'upstream' as const, commits: ['fx1'] }], [24, { side: 'upstream' as const, commits: ['fx1'] }]]),
        fork: new Map(),
      }),
      commitSubject: (sha: string) => (sha === 'fx1' ? 'fix(nav): ensure custom iso appear next to storage' : 'chore: translate to cn'),
    });
    expect(finding).toMatchObject({ side: 'both', commits: ['fx1', 'tr1'] });
    expect(finding?.message).toMatch(/^fork lacks upstream fix \(both sides changed these lines\): to=\{`\$\{ROOT_PATH\}\/ui\/project/);
  });

  it('calls a return an early exit only inside a branch, not where it ends a function or a callback', async () => {
    const byFix = { ...gitContext({}), linesOf: () => ({ upstream: new Map([...Array(30).keys()].map((line) => [line, { side: 'upstream' as const, commits: ['f1x'] }])), fork: new Map() }), commitSubject: () => 'fix: rely on the operation' };
    const [callback, branch] = await fixes(`diff --git a/src/api/acls.tsx b/src/api/acls.tsx
--- a/src/api/acls.tsx
+++ b/src/api/acls.tsx
@@ -3,7 +3,3 @@ export const createAcl = (acl: Acl): Promise<Operation> => {
   return fetch(url, { method: "POST" })
-    .then(handleResponse)
-    .then((data: OperationResponse) => {
-      return data;
-    });
 };
diff --git a/client.go b/client.go
--- a/client.go
+++ b/client.go
@@ -10,8 +10,3 @@ func (c *container) Start(ctx context.Context) error {
 	for {
-		if msg == nil {
-			// empty message from ctx cancel
-			closeDoneOnce.Do(func() {
-				close(done)
-			})
-			return ctx.Err()
-		}
`, byFix);
    expect(callback).toMatchObject({ message: 'fork lacks upstream fix: .then(handleResponse) .then((data: OperationResponse) => { return data; });', details: { signals: ['fix-commit'] } });
    expect(branch?.message).toBe('fork lacks upstream nil check: if msg == nil { closeDoneOnce.Do(func() { close(done) }) return ctx.Err()');
    expect(branch?.details['signals']).toEqual(['nil-check', 'early-exit', 'fix-commit']);
  });

  it('does not report a block guard the fork kept with another test, even moved to another hunk; an early exit narrowed so is', async () => {
    // valkey's addShardReplyForClusterShards: the block moved, its guard gained `n &&`.
    expect(await fixes(`diff --git a/src/cluster.c b/src/cluster.c
--- a/src/cluster.c
+++ b/src/cluster.c
@@ -10,6 +10,10 @@ void addNodeReply(client *c, clusterNode *n) {
     addReplyBulkCString(c, "slots");
+    if (n && n->slot_info_pairs != NULL) {
+        for (int i = 0; i < n->slot_info_pairs_count; i++)
+            addReplyLongLong(c, (unsigned long)n->slot_info_pairs[i]);
+    }
 }
@@ -40,8 +44,4 @@ void addShardReply(client *c, list *nodes) {
     clusterNode *n = listNodeValue(listFirst(nodes));
-    if (n->slot_info_pairs != NULL) {
-        for (int i = 0; i < n->slot_info_pairs_count; i++)
-            addReplyLongLong(c, (unsigned long)n->slot_info_pairs[i]);
-    }
     addReplyNull(c);
`)).toEqual([]);
    expect(await fixes(`diff --git a/src/cluster.c b/src/cluster.c
--- a/src/cluster.c
+++ b/src/cluster.c
@@ -40,6 +40,6 @@ int sendNode(client *c, clusterNode *n) {
-    if (n == NULL) {
+    if (strict && n == NULL) {
         return C_ERR;
     }
`)).toMatchObject([{ path: 'src/cluster.c', details: { evidence: ['if (n == NULL) {'], signals: ['nil-check'] } }]);
  });

  it('does not report an exit for a missing value the fork takes in more cases; a presence guard widened so is', async () => {
    // coredns's ServeDNS: upstream looks the zone up elsewhere, the fork still tests the lookup's `ok` beside the nil.
    expect(await fixes(`diff --git a/plugin/file/file.go b/plugin/file/file.go
--- a/plugin/file/file.go
+++ b/plugin/file/file.go
@@ -10,6 +10,7 @@ func (f File) ServeDNS(ctx context.Context, w dns.ResponseWriter, r *dns.Msg) (int, error) {
 	}
-	if z == nil {
+	z, ok := f.Z[zone]
+	if !ok || z == nil {
 		return dns.RcodeServerFailure, nil
 	}
`)).toEqual([]);
    expect(await fixes(`diff --git a/pkg/a.go b/pkg/a.go
--- a/pkg/a.go
+++ b/pkg/a.go
@@ -10,5 +10,5 @@ func f(p *S) int {
-	if p != nil {
+	if p != nil || force {
 		x = p.v
 	}
`)).toMatchObject([{ path: 'pkg/a.go', details: { evidence: ['if p != nil {'], signals: ['nil-check'] } }]);
  });

  it('does not report example programs (examples/, samples/): a guard missing there fixes nothing shipped', async () => {
    const at = (path: string): string => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -3,4 +3,3 @@ async def on_ready(self):
-    assert self.user is not None
-    if self.user is None:
-        return
     print(f'Logged in as {self.user}')
`;
    expect(await fixes(at('nextcord/client.py'))).toHaveLength(1);
    for (const path of ['examples/basic_bot.py', 'docs/samples/bot.py', 'cmd/example/main.go', '_examples/server/main.go']) expect(await fixes(at(path))).toEqual([]);
  });

  it('does not read build output, minified lines or type declarations as code: dist/, *.min.css, source maps, lines past MAX_CODE_LINE_CHARS, *.d.ts', async () => {
    const bundle = `"use strict";(()=>{${'function f(e){if(e==null)return;if (e.ctx) e.go()}'.repeat(40)}})();`;
    expect(bundle.length).toBeGreaterThan(MAX_CODE_LINE_CHARS);
    const at = (path: string, line: string): string => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -1,2 +1,1 @@
-${line}
 export {};
`;
    // The same line, short, is a nil check anywhere but in build output.
    expect(await fixes(at('static/app.js', 'if (e == null) return;'))).toHaveLength(1);
    for (const path of ['static/dist/app.js', 'static/app.min.css', 'static/app.js.map']) expect(await fixes(at(path, 'if (e == null) return;'))).toEqual([]);
    expect(await fixes(at('static/app.js', bundle))).toEqual([]);
    // Type declarations (incusui's src/types/*.d.ts) hold types, never a fix; nor do Python stubs.
    expect(await fixes(at('src/app.ts', 'if (e == null) return;'))).toHaveLength(1);
    for (const path of ['src/types/cluster.d.ts', 'src/types/x.d.mts', 'stubs/client.pyi']) expect(await fixes(at(path, 'if (e == null) return;'))).toEqual([]);
    expect(signalsOf(bundle)).toEqual([]);
    expect(signalsOf('if (e == null) return;')).toEqual(['nil-check', 'guard']);
  });

  it("reads nothing as missing where the fork's side of the hunk is minified: upstream's lines are in it, re-flowed", async () => {
    // SchildiChat keeps modernizr as one minified line where upstream unminified it (2,000 lines with their nil checks).
    const minified = `!function(e,t){${'function d(e,n){var o;if(null!==o)o=o.getPropertyValue(n);return o}'.repeat(20)}}(window,document);`;
    expect(minified.length).toBeGreaterThan(MAX_CODE_LINE_CHARS);
    const hunk = (forkLine: string): string => `diff --git a/src/vector/modernizr.js b/src/vector/modernizr.js
--- a/src/vector/modernizr.js
+++ b/src/vector/modernizr.js
@@ -1,6 +1,2 @@
-function computedStyle(elem, prop) {
-  if (result !== null) {
-    result = result.getPropertyValue(prop);
-  }
-}
+${forkLine}
 export {};
`;
    expect(await fixes(hunk(minified))).toEqual([]);
    // The same hunk with a fork line of readable length still lacks the check.
    expect(await fixes(hunk('function computedStyle(elem, prop) { return result; }'))).toHaveLength(1);
  });

  it('takes a fix commit as evidence on its own, and feature work as doubt', async () => {
    const diff = `diff --git a/src/server.c b/src/server.c
--- a/src/server.c
+++ b/src/server.c
@@ -10,4 +10,3 @@ int kv_get(const char *key, char *out, size_t len) {
     kv_entry *entry = kv_find(table, key);
-    entry->len = clamp(entry->len, len - 1);
     memcpy(out, entry->value, entry->len);
`;
    const facts = (sha: string) => ({ upstream: new Map([[11, { side: 'upstream' as const, commits: [sha] }]]), fork: new Map() });
    const context = (subject: string) => ({ ...gitContext({}), linesOf: () => facts('abc1234'), commitSubject: () => subject });
    // No guard-shaped line at all: only the commit says it fixed something.
    expect(await fixes(diff, { ...gitContext({}), linesOf: () => facts('abc1234') })).toEqual([]);
    const [fix] = await fixes(diff, context('fix: clamp the copy length (CVE-2024-31228)'));
    expect(fix).toMatchObject({ confidence: 'high', message: 'fork lacks upstream fix: entry->len = clamp(entry->len, len - 1);' });
    expect(fix?.details).toMatchObject({ signals: ['fix-commit'], fixCommits: ['abc1234 fix: clamp the copy length (CVE-2024-31228)'] });
    expect((await fixes(diff, context('kv: fix short reads')))[0]?.confidence).toBe('medium');

    // A guard-shaped block written by feature work is doubtful.
    const feature = `diff --git a/cache/azblob.go b/cache/azblob.go
--- a/cache/azblob.go
+++ b/cache/azblob.go
@@ -20,5 +20,2 @@ func config(attrs map[string]string) (*Config, error) {
 	name := attrs["account_name"]
-	if name == "" {
-		return nil, errors.New("account name required")
-	}
`;
    const byFeature = { ...gitContext({}), linesOf: () => ({ upstream: new Map([21, 22, 23].map((line) => [line, { side: 'upstream' as const, commits: ['f00d'] }])), fork: new Map() }), commitSubject: () => 'azblob cache: account_name attribute' };
    expect((await fixes(feature, byFeature)).map((finding) => finding.confidence)).toEqual(['low']);
  });

  it("reads a guard upstream wrote in rework (a refactor, a type checker satisfied) as a doubt, not a fix", async () => {
    // misskey's `refactor(frontend): フロントエンドの型エラー解消` narrowed a template ref for the type checker.
    const diff = `diff --git a/src/chart.ts b/src/chart.ts
--- a/src/chart.ts
+++ b/src/chart.ts
@@ -20,4 +20,3 @@ onMounted(async () => {
 	const raw = await fetchSeries();
-	if (chartEl.value == null) return;
 	chartInstance = new Chart(chartEl.value, { data: raw });
`;
    const confidence = async (subject: string) =>
      (await fixes(diff, { ...gitContext({}), linesOf: () => ({ upstream: new Map([[21, { side: 'upstream' as const, commits: ['c0ffee1'] }]]), fork: new Map() }), commitSubject: () => subject }))[0]?.confidence;
    expect(await confidence('refactor(frontend): フロントエンドの型エラー解消 (#16539)')).toBe('medium');
    expect(await confidence('chore(frontend): fix type errors')).toBe('medium');
    expect(await confidence('refactor')).toBe('medium');
    // A subject that says neither, or a fix, keeps what the guard says.
    expect(await confidence('enhance(frontend): show the queue chart')).toBe('high');
    expect(await confidence('fix(frontend): the chart crashed before it mounted')).toBe('high');
  });

  it('takes no block past 40 lines from a fix commit with only a weak signal in it: it changed more than a fix', async () => {
    // netbox's 29860aaf "fix(circuits): Add member_type_id filter…" wrote a 197-line filter set with one bare guard in it.
    const block = (size: number) => `diff --git a/netbox/circuits/filtersets.py b/netbox/circuits/filtersets.py
--- a/netbox/circuits/filtersets.py
+++ b/netbox/circuits/filtersets.py
@@ -10,${size + 2} +10,2 @@ class CircuitFilterSet(NetBoxModelFilterSet):
     def search(self, queryset, name, value):
-        if not value:
-            return queryset
${Array.from({ length: size - 2 }, (_, line) => `-        field_${line} = filters.CharField(name='field_${line}')`).join('\n')}
     return queryset
`;
    const byFix = (size: number) => ({
      ...gitContext({}),
      linesOf: () => ({ upstream: new Map(Array.from({ length: size }, (_, line) => [11 + line, { side: 'upstream' as const, commits: ['29860aaf'] }])), fork: new Map() }),
      commitSubject: () => 'fix(circuits): Add member_type_id filter to CircuitGroupAssignment',
    });
    const [small] = await fixes(block(20), byFix(20));
    expect(small).toMatchObject({ confidence: 'medium' });
    expect(small?.details).toMatchObject({ signals: ['guard', 'early-exit', 'fix-commit'] });
    expect(await fixes(block(40), byFix(40))).toHaveLength(1);
    expect(await fixes(block(41), byFix(41))).toEqual([]);
  });
});
