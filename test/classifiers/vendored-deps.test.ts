import { describe, expect, it } from 'vitest';
import { directionOf } from '../../src/classifiers/deps/versionDirection.js';
import { compareVersions, distroUpstreamPart } from '../../src/versions/versionOrder.js';
import { knownGoModules, vendorModuleOf } from '../../src/classifiers/deps/vendorModule.js';
import vendoredDeps from '../../src/classifiers/vendored-deps.js';
import { isVendoredPath } from '../../src/classifiers/paths.js';
import type { Finding } from '../../src/model.js';
import { classifyAll, gitContext, loadDiff, messages, parseDiff, wholeFileDiff } from './helpers.js';

const row = (findings: Finding[], module: string): Finding | undefined =>
  findings.find((finding) => finding.details['module'] === module);

describe('version direction', () => {
  it('orders semver, Go pseudo-versions, +incompatible and distro versions', () => {
    expect(directionOf('v1.6.21', 'v1.6.18')).toBe('downgrade');
    expect(directionOf('v0.0.0-20230101120000-abcdef123456', 'v0.0.0-20230301000000-aaaaaaaaaaaa')).toBe('upgrade');
    expect(directionOf('v1.1.0-rc2.0.20221005185240-3a7f492d3f1b', 'v1.0.3-0.20220303224323-02efb9a75ee1')).toBe('downgrade');
    expect(directionOf('v24.0.0+incompatible', 'v23.0.5+incompatible')).toBe('downgrade');
    // Versions of one replacement compare; of another module path (or none) they do not. Ranges with spaces still compare.
    expect(directionOf('github.com/fork/lib v1.0.0', 'github.com/fork/lib v1.1.0')).toBe('upgrade');
    expect(directionOf('github.com/fork/lib v1.0.0', 'github.com/other/lib v1.1.0')).toBe('changed');
    expect(directionOf('v1.4.1', 'github.com/k3s-io/cri v1.4.0-k3s.7')).toBe('changed');
    expect(directionOf('>= 1.2 < 2', '>= 1.3 < 2')).toBe('upgrade');
    expect(distroUpstreamPart('1.1.0-0ubuntu1~20.04.2')).toBe('1.1.0');
    expect(directionOf('v1.1.7', '1.1.0-0ubuntu1~20.04.2')).toBe('downgrade');
    expect(directionOf('^4.18.2', '^4.17.1')).toBe('downgrade');
    expect(directionOf(null, '1.0.0')).toBe('added');
    expect(directionOf('1.0.0', null)).toBe('removed');
    expect(compareVersions('main', 'develop')).toBeNull();
    expect(directionOf('main', 'develop')).toBe('changed');
  });
});

describe('vendorModuleOf', () => {
  it('prefers the longest known module, else guesses by host layout', () => {
    const known = ['github.com/containerd/containerd', 'github.com/containerd/containerd/api'];
    expect(vendorModuleOf('vendor/github.com/containerd/containerd/api/services/x.go', known)).toBe('github.com/containerd/containerd/api');
    expect(vendorModuleOf('vendor/github.com/a/b/c/d.go')).toBe('github.com/a/b');
    expect(vendorModuleOf('vendor/golang.org/x/sys/unix/z.go')).toBe('golang.org/x/sys');
    expect(vendorModuleOf('vendor/gopkg.in/yaml.v3/decode.go')).toBe('gopkg.in/yaml.v3');
    expect(vendorModuleOf('sub/vendor/k8s.io/api/core/v1/types.go')).toBe('k8s.io/api');
    expect(vendorModuleOf('vendor/modules.txt')).toBeNull();
    // No host first: a directory of web assets, one library each (ckan's public/base/vendor/font-awesome/css/…).
    expect(vendorModuleOf('ckan/public/base/vendor/font-awesome/css/font-awesome.css')).toBe('font-awesome');
    expect(vendorModuleOf('static/vendor/jquery.js')).toBeNull();
    expect(vendorModuleOf('src/main.go')).toBeNull();
  });
});

describe('vendored web assets', () => {
  it('are one row per library and vendor directory, of no package ecosystem', async () => {
    const file = (path: string) => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -1 +1 @@
-/* v1 */
+/* v2 */
`;
    const files = await parseDiff([
      'ckan/public/base/vendor/font-awesome/css/font-awesome.css', 'ckan/public/base/vendor/font-awesome/less/core.less',
      'ckan/public-bs2/base/vendor/font-awesome/css/font-awesome.css', 'vendor/github.com/a/b/c.go',
    ].map(file).join(''));
    const findings = await classifyAll(vendoredDeps, files);
    expect(findings.map((finding) => [finding.path, finding.details['module'], finding.details['ecosystem'], (finding.details['vendoredFiles'] as string[]).length])).toEqual([
      ['ckan/public/base/vendor/font-awesome', 'font-awesome', null, 2],
      ['ckan/public-bs2/base/vendor/font-awesome', 'font-awesome', null, 1],
      ['vendor/github.com/a/b', 'github.com/a/b', 'go', 1],
    ]);
  });
});

describe('npm packages checked in under node_modules', () => {
  it('are one row per package, not their package.json dependencies, and no tests of the project', async () => {
    // nektos/act keeps actions with their node_modules as test data: 1,259 rows came from those packages' own manifests.
    const change = (path: string, before: string, after: string) => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -1,3 +1,3 @@
 {
-  ${before}
+  ${after}
 }
`;
    const base = 'pkg/runner/testdata/actions/node20/node_modules';
    const files = await parseDiff([
      change(`${base}/@actions/http-client/package.json`, '"devDependencies": { "@types/jest": "^25.1.4" },', '"devDependencies": {},'),
      change(`${base}/@actions/http-client/lib/index.js`, 'const a = 1;', 'const a = 2;'),
      change(`${base}/undici/package.json`, '"version": "5.28.4",', '"version": "5.28.5",'),
    ].join(''));
    const findings = await classifyAll(vendoredDeps, files);
    expect(findings.map((finding) => [finding.path, finding.details['module'], finding.details['ecosystem'], (finding.details['vendoredFiles'] as string[]).length])).toEqual([
      [`${base}/@actions/http-client`, '@actions/http-client', 'npm', 2],
      [`${base}/undici`, 'undici', 'npm', 1],
    ]);
    expect(files.every((file) => isVendoredPath(file.path))).toBe(true);
  });
});

describe('vendored-deps on third-party trees', () => {
  it("gives each library under redis's deps/ or a third_party/ one row; deps/Makefile is the project's own", async () => {
    const change = (path: string) => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -1,1 +1,1 @@
-int a = 1;
+int a = 2;
`;
    // KeyDB carries jemalloc 5.2.1 where redis has 5.1.0.
    const paths = ['deps/jemalloc/src/arena.c', 'deps/jemalloc/include/jemalloc/internal/cache_bin.h', 'deps/lua/src/strbuf.c', 'src/third_party/abseil/strings.cc', 'deps/Makefile'];
    const files = await parseDiff(paths.map(change).join(''));
    const findings = await classifyAll(vendoredDeps, files);
    expect(findings.map((finding) => [finding.path, finding.details['module'], finding.details['ecosystem'], (finding.details['vendoredFiles'] as string[]).length])).toEqual([
      ['deps/jemalloc', 'jemalloc', null, 2],
      ['deps/lua', 'lua', null, 1],
      ['src/third_party/abseil', 'abseil', null, 1],
    ]);
    expect(files.map((file) => isVendoredPath(file.path))).toEqual([true, true, true, true, false]);
    expect(files.map((file) => vendoredDeps.matches(file))).toEqual([true, true, true, true, false]);
    // In git mode a library's VERSION file (git describe's form) says which releases the tips carry; lua keeps none.
    const context = gitContext({ upstream: { 'deps/jemalloc/VERSION': '5.1.0-0-g0\n' }, fork: { 'deps/jemalloc/VERSION': '5.2.1-0-g0\n' } });
    const [jemalloc, lua] = await classifyAll(vendoredDeps, await parseDiff(paths.map(change).join('')), context);
    expect(jemalloc).toMatchObject({
      path: 'deps/jemalloc', message: 'jemalloc: 5.1.0 → 5.2.1 (upgrade), as its VERSION file says; vendored files differ',
      details: { upstream: '5.1.0', fork: '5.2.1', direction: 'upgrade' },
    });
    expect(lua).toMatchObject({ message: 'lua: vendored files differ without a version change in this diff', details: { upstream: null, fork: null } });
  });

  it('says a library one tip alone has was added or removed, once every file of it was read', async () => {
    const added = (path: string) => `diff --git a/${path} b/${path}
new file mode 100644
--- /dev/null
+++ b/${path}
@@ -0,0 +1,1 @@
+#pragma once
`;
    const files = await parseDiff([added('deps/concurrentqueue/concurrentqueue.h'), added('deps/concurrentqueue/blockingconcurrentqueue.h'), added('deps/hiredis/ssl.c'),
      `diff --git a/deps/hiredis/net.c b/deps/hiredis/net.c
--- a/deps/hiredis/net.c
+++ b/deps/hiredis/net.c
@@ -1,1 +1,1 @@
-int a = 1;
+int a = 2;
`].join(''));
    // KeyDB vendored concurrentqueue, which redis never had; hiredis it changed and grew.
    expect((await classifyAll(vendoredDeps, files)).map((row) => [row.message, row.details['direction']])).toEqual([
      ['concurrentqueue: vendored files only the fork has (2 files)', 'added'],
      ['hiredis: vendored files differ without a version change in this diff', 'changed'],
    ]);
  });
});

describe('vendored-deps on Go files', () => {
  it('reads go.mod requires, replaces and the go directive; go.sum and modules.txt add only what go.mod lacks', async () => {
    const files = await loadDiff('deps-go.diff');
    const findings = await classifyAll(vendoredDeps, files);
    expect(messages(findings)).toEqual(expect.arrayContaining([
      'go: 1.21 → 1.20 (downgrade)',
      'github.com/single/line: v1.4.0 → v1.5.0 (upgrade)',
      'golang.org/x/sys: v0.0.0-20230301000000-aaaaaaaaaaaa → v0.0.0-20230101120000-abcdef123456 (downgrade)',
      'github.com/docker/docker: v24.0.0+incompatible → v23.0.5+incompatible (downgrade)',
      'github.com/gone/module: v0.3.0 removed (upstream only)',
      'replace github.com/old/lib: github.com/fork/lib v1.0.0 → github.com/fork/lib v1.1.0 (upgrade)',
      'github.com/only/sum: v1.3.0 → v1.2.0 (downgrade)',
      'gopkg.in/yaml.v3: v3.0.1 → v3.0.0 (downgrade)',
    ]));
    // x/sys is reported once (by go.mod), not again by go.sum or modules.txt; graph-only go.sum lines are no rows.
    expect(findings.filter((finding) => finding.details['module'] === 'golang.org/x/sys')).toHaveLength(1);
    expect(row(findings, 'github.com/graph/only')).toBeUndefined();
    expect(row(findings, 'github.com/gone/module')?.details).toMatchObject({ ecosystem: 'go', upstream: 'v0.3.0', fork: null, direction: 'removed', note: 'indirect' });
  });

  it('groups vendored files into one row per module and attaches them to version rows', async () => {
    const files = await loadDiff('deps-go.diff');
    const findings = await classifyAll(vendoredDeps, files);
    const patched = findings.filter((finding) => finding.details['module'] === 'github.com/patched/thing');
    expect(patched).toHaveLength(1);
    expect(patched[0]?.kind).toBe('vendored-files');
    expect(patched[0]?.details['vendoredFiles']).toEqual([
      'vendor/github.com/patched/thing/sub/file.go',
      'vendor/github.com/patched/thing/other.go',
    ]);
    expect(row(findings, 'golang.org/x/sys')?.details['vendoredFiles']).toEqual(['vendor/golang.org/x/sys/unix/zerrors.go']);
    expect(files.find((file) => file.path.endsWith('zerrors.go'))?.module).toBe('golang.org/x/sys');
    expect(knownGoModules(files).has('gopkg.in/yaml.v3')).toBe(true);
  });

  it('reads a vendor tree only one tip has as one row, which the files of every module without a version row join', async () => {
    // OpenShift's coredns vendors the modules upstream fetches: each of them read "fork added <module>".
    const tree = (status: 'added' | 'deleted') => {
      const file = (path: string, lines: string[]) => wholeFileDiff(status, path, lines);
      const [before, after] = status === 'added' ? ['v0.1.0', 'v0.2.0'] : ['v0.2.0', 'v0.1.0'];
      return parseDiff([
        `diff --git a/go.mod b/go.mod\n--- a/go.mod\n+++ b/go.mod\n@@ -3,3 +3,3 @@ require (\n \tgithub.com/pkg/errors v0.9.1\n-\tgolang.org/x/sys ${before}\n+\tgolang.org/x/sys ${after}\n \tgopkg.in/yaml.v3 v3.0.1\n`,
        file('vendor/github.com/pkg/errors/errors.go', ['package errors']),
        file('vendor/golang.org/x/sys/unix/unix.go', ['package unix']),
        file('vendor/gopkg.in/yaml.v3/yaml.go', ['package yaml']),
        file('vendor/modules.txt', ['# github.com/pkg/errors v0.9.1', '## explicit', 'github.com/pkg/errors', `# golang.org/x/sys ${status === 'added' ? after : before}`, 'golang.org/x/sys/unix',
          '# gopkg.in/yaml.v3 v3.0.1', 'gopkg.in/yaml.v3', '# sigs.k8s.io/yaml v1.4.0', 'sigs.k8s.io/yaml']),
        // After modules.txt in the diff's order: it joins the tree all the same.
        file('vendor/sigs.k8s.io/yaml/yaml.go', ['package yaml']),
      ].join(''));
    };
    const rows = async (status: 'added' | 'deleted') =>
      (await classifyAll(vendoredDeps, await tree(status))).map((finding) => [finding.kind, finding.message, finding.details['vendoredFiles']]);
    expect(await rows('added')).toEqual([
      ['dependency', 'golang.org/x/sys: v0.1.0 → v0.2.0 (upgrade)', ['vendor/golang.org/x/sys/unix/unix.go']],
      ['vendor-tree', 'fork vendors its Go modules in vendor/ (4 modules in modules.txt); upstream does not',
        ['vendor/github.com/pkg/errors/errors.go', 'vendor/gopkg.in/yaml.v3/yaml.go', 'vendor/sigs.k8s.io/yaml/yaml.go']],
    ]);
    expect(await rows('deleted')).toEqual([
      ['dependency', 'golang.org/x/sys: v0.2.0 → v0.1.0 (downgrade)', ['vendor/golang.org/x/sys/unix/unix.go']],
      ['vendor-tree', 'upstream vendors its Go modules in vendor/ (4 modules in modules.txt); the fork does not',
        ['vendor/github.com/pkg/errors/errors.go', 'vendor/gopkg.in/yaml.v3/yaml.go', 'vendor/sigs.k8s.io/yaml/yaml.go']],
    ]);
  });

  it('reads a lockfile only one tip has as one row; a manifest only one tip has keeps a row per dependency', async () => {
    // yt-dlp's hash-pinned bundle/requirements/*.txt (uv export), which youtube-dl never had; its pyproject.toml declares.
    const findings = await classifyAll(vendoredDeps, await parseDiff([
      wholeFileDiff('added', 'bundle/requirements/linux.txt', ['brotli==1.1.0 \\', '    --hash=sha256:0123 \\', '    --hash=sha256:4567', 'certifi==2026.1.4 \\', '    --hash=sha256:89ab']),
      wholeFileDiff('added', 'requirements-docs.txt', ['sphinx==7.2.6', 'furo==2024.1.29']),
      wholeFileDiff('deleted', 'web/yarn.lock', ['"left-pad@^1.3.0":', '  version "1.3.0"', '"react@^18.2.0":', '  version "18.2.0"']),
    ].join('')));
    expect(findings.map((finding) => [finding.kind, finding.message, finding.details['packages']])).toEqual([
      ['lockfile', 'lockfile bundle/requirements/linux.txt (2 pypi packages) added', ['brotli 1.1.0', 'certifi 2026.1.4']],
      ['dependency', 'sphinx: added at 7.2.6 (fork only)', undefined],
      ['dependency', 'furo: added at 2024.1.29 (fork only)', undefined],
      ['lockfile', 'lockfile web/yarn.lock (2 npm packages) removed', ['left-pad 1.3.0', 'react 18.2.0']],
    ]);
  });

  it("reads vendor.conf (vndr, moby and containerd before modules): revisions, a fork's own repository, vendored files by module", async () => {
    const files = await parseDiff(`diff --git a/vendor.conf b/vendor.conf
--- a/vendor.conf
+++ b/vendor.conf
@@ -1,6 +1,6 @@
 # runtime
-github.com/containerd/cri v1.4.1
+github.com/containerd/cri v1.4.0-k3s.7 https://github.com/k3s-io/cri.git
 github.com/containerd/btrfs 153935315f4ab9be5bf03650a1341454b05efa5d
-github.com/opencontainers/runc v1.0.2 # runc: bump for CVE-2021-30465
+github.com/opencontainers/runc v1.0.0-rc93
-github.com/Microsoft/hcsshim v0.8.21
 google.golang.org/grpc v1.27.1
diff --git a/vendor/github.com/opencontainers/runc/libcontainer/user/user.go b/vendor/github.com/opencontainers/runc/libcontainer/user/user.go
--- a/vendor/github.com/opencontainers/runc/libcontainer/user/user.go
+++ b/vendor/github.com/opencontainers/runc/libcontainer/user/user.go
@@ -1 +1 @@
-package user // v1.0.2
+package user // v1.0.0-rc93
`);
    const findings = await classifyAll(vendoredDeps, files);
    expect(messages(findings)).toEqual([
      'github.com/containerd/cri: v1.4.1 → github.com/k3s-io/cri v1.4.0-k3s.7 (changed)',
      'github.com/opencontainers/runc: v1.0.2 → v1.0.0-rc93 (downgrade)',
      'github.com/Microsoft/hcsshim: v0.8.21 removed (upstream only)',
    ]);
    expect(row(findings, 'github.com/opencontainers/runc')?.details).toMatchObject({
      ecosystem: 'go', upstream: 'v1.0.2', fork: 'v1.0.0-rc93', vendoredFiles: ['vendor/github.com/opencontainers/runc/libcontainer/user/user.go'],
    });
    expect(knownGoModules(files).has('github.com/containerd/btrfs')).toBe(true);
  });

  it('reads a fork that moved from vendor.conf to go.mod as one row per module, with upstream\'s vendor.conf version', async () => {
    const files = await parseDiff(`diff --git a/go.mod b/go.mod
new file mode 100644
--- /dev/null
+++ b/go.mod
@@ -0,0 +1,7 @@
+module github.com/containerd/containerd
+
+require (
+	github.com/containerd/console v1.0.2
+	github.com/google/uuid v1.1.1
+	github.com/stretchr/testify v1.6.1
+)
diff --git a/go.sum b/go.sum
new file mode 100644
--- /dev/null
+++ b/go.sum
@@ -0,0 +1,2 @@
+github.com/containerd/go-cni v1.0.2 h1:YbJAhpTevL2v6u8JC1NhCYRwf+3Vzxcc5vGnYoJ7VeE=
+github.com/containerd/go-cni v1.0.2/go.mod h1:nrNABBHzu0ZwCug9Ije8hL2xBCYh/pjfMb1aZGrrohk=
diff --git a/vendor.conf b/vendor.conf
deleted file mode 100644
--- a/vendor.conf
+++ /dev/null
@@ -1,4 +0,0 @@
-github.com/containerd/console v1.0.0
-github.com/containerd/go-cni v1.0.1
-github.com/google/uuid v1.1.1
-github.com/syndtr/gocapability d98352740cb2c55f81556b63d4a1ec64c5a319c2
`);
    const findings = await classifyAll(vendoredDeps, files);
    expect(messages(findings)).toEqual([
      'github.com/containerd/console: v1.0.0 → v1.0.2 (upgrade)',
      'github.com/stretchr/testify: added at v1.6.1 (fork only)',
      'github.com/containerd/go-cni: v1.0.1 → v1.0.2 (upgrade)',
      'github.com/syndtr/gocapability: d98352740cb2c55f81556b63d4a1ec64c5a319c2 removed (upstream only)',
    ]);
    // uuid moved at its version: no drift.
    expect(row(findings, 'github.com/google/uuid')).toBeUndefined();
    expect(row(findings, 'github.com/containerd/console')).toMatchObject({ path: 'go.mod', details: { upstream: 'v1.0.0', fork: 'v1.0.2', source: 'go.mod', upstreamFrom: 'vendor.conf' } });
  });

  it('keeps fingerprints stable when lines shift and distinct when versions differ', async () => {
    const diff = (start: number, version: string) => `diff --git a/go.mod b/go.mod
--- a/go.mod
+++ b/go.mod
@@ -${start},1 +${start},1 @@ require (
-	github.com/x/y v1.0.0
+	github.com/x/y ${version}
`;
    const [a] = await classifyAll(vendoredDeps, await parseDiff(diff(5, 'v0.9.0')));
    const [b] = await classifyAll(vendoredDeps, await parseDiff(diff(50, 'v0.9.0')));
    const [c] = await classifyAll(vendoredDeps, await parseDiff(diff(5, 'v0.8.0')));
    expect(a?.fingerprint).toBe(b?.fingerprint);
    expect(a?.fingerprint).not.toBe(c?.fingerprint);
  });
});

describe('vendored-deps on npm, Cargo and Python files', () => {
  it('reads package.json blocks, package-lock, yarn.lock and pnpm-lock', async () => {
    const findings = await classifyAll(vendoredDeps, await loadDiff('deps-npm.diff'));
    expect(messages(findings)).toEqual(expect.arrayContaining([
      'express: ^4.18.2 → ^4.17.1 (downgrade)',
      'left-pad: 1.3.0 removed (upstream only)',
      'right-pad: added at 1.0.1 (fork only)',
      'typescript: ~5.1.0 → ~5.4.2 (upgrade)',
      'express: 4.18.2 → 4.17.1 (downgrade)',
      '@types/node: 20.1.0 → 20.3.0 (upgrade)',
      '@babel/core: 7.21.3 → 7.20.12 (downgrade)',
      'chalk: 5.2.0 → 5.3.0 (upgrade)',
      'vite: 4.3.9 → 4.2.0 (downgrade)',
      '@vitest/runner: 0.31.0 → 0.32.0 (upgrade)',
    ]));
    // The package's own version and scripts are not dependencies.
    expect(findings.some((finding) => ['version', 'build', 'app'].includes(String(finding.details['module'])))).toBe(false);
    expect(findings.every((finding) => finding.details['ecosystem'] === 'npm')).toBe(true);
  });

  it('reads a package-lock copy nested under another package as its own row, not the top-level one', async () => {
    // uptime-kuma's fork: werift brought @noble/curves 1.9.7 nested; the top-level 1.2.0, unchanged, is not in the hunk.
    const files = await parseDiff(`diff --git a/package-lock.json b/package-lock.json
--- a/package-lock.json
+++ b/package-lock.json
@@ -40,6 +40,10 @@
     "node_modules/werift": {
       "version": "0.19.0"
     },
+    "node_modules/werift/node_modules/@noble/curves": {
+      "version": "1.9.7",
+      "license": "MIT"
+    },
     "node_modules/ws": {
-      "version": "8.17.1"
+      "version": "8.18.0"
     },
`);
    expect(messages(await classifyAll(vendoredDeps, files)).sort()).toEqual([
      '@noble/curves (under werift): added at 1.9.7 (fork only)',
      'ws: 8.17.1 → 8.18.0 (upgrade)',
    ]);
  });

  it('uses whole package.json files in git mode', async () => {
    const files = await loadDiff('deps-npm.diff');
    const packageJson = files.filter((file) => file.path === 'package.json');
    const context = gitContext({
      upstream: { 'package.json': JSON.stringify({ dependencies: { a: '1.0.0', b: '2.0.0' }, devDependencies: { c: '^3.0.0' } }) },
      fork: { 'package.json': JSON.stringify({ dependencies: { a: '1.2.0', b: '2.0.0' } }) },
    });
    expect(messages(await classifyAll(vendoredDeps, packageJson, context)).sort()).toEqual([
      'a: 1.0.0 → 1.2.0 (upgrade)',
      'c: ^3.0.0 removed (upstream only)',
    ]);
  });

  it('reads a dependency one tip lacks and the merge base listed as removed there, whoever wrote the other line', async () => {
    // openbao's fork replaced hashicorp/vault/api (v1.9.0 at the base), which upstream bumped since, and kept
    // easyjson, which upstream dropped; the fork's own module it added is the fork's alone. x/sync upstream
    // kept as the base had it: the fork alone removed it, in a hunk both sides changed.
    const gomod = (requires: string[]) => `module example.com/csi\n\ngo 1.21\n\nrequire (\n${requires.map((line) => `\t${line}\n`).join('')})\n`;
    const upstream = gomod(['github.com/hashicorp/vault/api v1.23.0', 'github.com/stretchr/testify v1.8.0', 'golang.org/x/sync v0.1.0']);
    const fork = gomod(['github.com/mailru/easyjson v0.7.7', 'github.com/openbao/openbao/api/v2 v2.5.1', 'github.com/stretchr/testify v1.8.0']);
    const base = gomod(['github.com/hashicorp/vault/api v1.9.0', 'github.com/mailru/easyjson v0.7.6', 'github.com/stretchr/testify v1.8.0', 'golang.org/x/sync v0.1.0']);
    const files = await parseDiff(`diff --git a/go.mod b/go.mod
--- a/go.mod
+++ b/go.mod
@@ -5,5 +5,5 @@
 require (
-\tgithub.com/hashicorp/vault/api v1.23.0
+\tgithub.com/mailru/easyjson v0.7.7
+\tgithub.com/openbao/openbao/api/v2 v2.5.1
 \tgithub.com/stretchr/testify v1.8.0
-\tgolang.org/x/sync v0.1.0
 )
`);
    for (const file of files) file.side = 'both';
    const fact = (side: 'upstream' | 'fork', sha: string) => ({ side, commits: [sha] });
    const lines = { upstream: new Map([[6, fact('upstream', 'u1')]]), fork: new Map([[6, fact('fork', 'f1')], [7, fact('fork', 'f2')]]) };
    const context = { ...gitContext({ upstream: { 'go.mod': upstream }, fork: { 'go.mod': fork }, base: { 'go.mod': base } }), linesOf: () => lines };
    expect(messages(await classifyAll(vendoredDeps, files, context)).sort()).toEqual([
      'both changed github.com/hashicorp/vault/api: upstream v1.23.0, fork removed it',
      'both changed github.com/mailru/easyjson: upstream removed it, fork v0.7.7',
      'fork added github.com/openbao/openbao/api/v2 (v2.5.1)',
      'fork removed golang.org/x/sync (upstream has v0.1.0)',
    ]);
    // Without the base's file, the lines alone say who moved.
    const lineOnly = { ...gitContext({ upstream: { 'go.mod': upstream }, fork: { 'go.mod': fork } }), linesOf: () => lines };
    expect(messages(await classifyAll(vendoredDeps, files, lineOnly))).toContain('upstream added github.com/hashicorp/vault/api (v1.23.0); fork lacks it');
  });

  it("reads who moved from the base's version only where the base listed one: a module it required twice is the lines' to tell", async () => {
    const gomod = (requires: string[]) => `module example.com/app\n\ngo 1.21\n\n${requires.map((line) => `require ${line}\n`).join('')}`;
    // The base requires x/sync at two versions; upstream dropped the second line, the fork the first.
    const base = gomod(['golang.org/x/sync v0.1.0', 'golang.org/x/text v0.3.0', 'golang.org/x/sync v0.9.0']);
    const upstream = gomod(['golang.org/x/sync v0.1.0', 'golang.org/x/text v0.3.0']);
    const fork = gomod(['golang.org/x/text v0.3.0', 'golang.org/x/sync v0.9.0']);
    const files = await parseDiff(`diff --git a/go.mod b/go.mod
--- a/go.mod
+++ b/go.mod
@@ -5,3 +5,3 @@
-require golang.org/x/sync v0.1.0
 require golang.org/x/text v0.3.0
+require golang.org/x/sync v0.9.0
`);
    for (const file of files) file.side = 'both';
    const lines = { upstream: new Map([[5, { side: 'fork' as const, commits: ['f1'] }]]), fork: new Map([[6, { side: 'upstream' as const, commits: ['u1'] }]]) };
    const context = { ...gitContext({ upstream: { 'go.mod': upstream }, fork: { 'go.mod': fork }, base: { 'go.mod': base } }), linesOf: () => lines };
    const [sync] = await classifyAll(vendoredDeps, files, context);
    expect(sync).toMatchObject({ side: 'both', commits: ['u1', 'f1'], message: 'both changed golang.org/x/sync: upstream v0.1.0, fork v0.9.0 (fork ahead)' });
  });

  it('reads Cargo.toml, Cargo.lock, requirements, poetry.lock and pyproject.toml', async () => {
    const findings = await classifyAll(vendoredDeps, await loadDiff('deps-cargo-python.diff'));
    expect(messages(findings)).toEqual(expect.arrayContaining([
      'serde: 1.0.190 → 1.0.180 (downgrade)',
      'tokio: 1.33 → 1.35 (upgrade)',
      'proptest: 1.2.0 removed (upstream only)',
      'django: 4.2.7 → 4.1.13 (downgrade)',
      'requests: >=2.31 → >=2.28 (downgrade)',
      'urllib3: 2.0.7 → 1.26.18 (downgrade)',
      'httpx: >=0.25 → >=0.24 (downgrade)',
      'rich: added at 13.7.0 (fork only)',
      'click: ^8.1 → ^8.0 (downgrade)',
    ]));
    // `Django` vs `django` and `pytest_cov` vs `pytest-cov` are the same package; [package] version is metadata.
    expect(row(findings, 'pytest-cov')).toBeUndefined();
    expect(row(findings, 'version')).toBeUndefined();
    expect(row(findings, 'serde')?.details['ecosystem']).toBe('cargo');
    expect(row(findings, 'urllib3')?.details['ecosystem']).toBe('pypi');
  });

  it("reads Poetry's and Cargo's `*` as unpinned, not as a version (it is no downgrade)", async () => {
    // nextcord's pyproject lists brotli and brotlicffi as `*`.
    const findings = await classifyAll(vendoredDeps, await parseDiff(`diff --git a/pyproject.toml b/pyproject.toml
--- a/pyproject.toml
+++ b/pyproject.toml
@@ -1,3 +1,4 @@
 [tool.poetry.dependencies]
 python = "^3.8"
-brotli = "1.0.9"
+brotli = "*"
+brotlicffi = { version = "*", optional = true }
`));
    expect(messages(findings)).toEqual(['brotli: 1.0.9 → unpinned (changed)', 'brotlicffi: added unpinned (fork only)']);
  });
});
