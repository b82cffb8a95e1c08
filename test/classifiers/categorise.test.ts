import { describe, expect, it } from 'vitest';
import { createCategoriser } from '../../src/classifiers/categorise.js';
import { parseDiffText } from '../../src/diff/parse.js';
import { diffFileContext } from './helpers.js';

// One test file, two hunks: a test function removed, and a comment changed.
const diff = `diff --git a/client/client_test.go b/client/client_test.go
index 1111111..2222222 100644
--- a/client/client_test.go
+++ b/client/client_test.go
@@ -10,6 +10,2 @@ import (
 
-func TestS3Cache(t *testing.T) {
-	run(t, "s3")
-}
-
 func TestLocal(t *testing.T) {
@@ -40,2 +36,2 @@ func helper() {
-// helper runs the client
+// helper runs the client against a worker
 func run(t *testing.T, name string) {
`;

describe('createCategoriser', () => {
  it('puts a file in every category one of its hunks is in, other included', async () => {
    const { files } = await parseDiffText(diff);
    const [file] = files;
    if (!file) throw new Error('the diff has one file');
    const findings = await createCategoriser().classify(file, diffFileContext());
    expect(findings.map((finding) => finding.message)).toEqual(['test TestS3Cache removed from client/client_test.go']);
    expect(file.hunks.map((hunk) => hunk.categories)).toEqual([['removed-tests'], ['other']]);
    expect(file.categories).toEqual(['removed-tests', 'other']);
    expect(file.otherKind).toBe('test');
  });
});

describe('vendored modules', () => {
  it("reads a module's own CI config and Dockerfile as the module's files, not the fork's CI or images", async () => {
    // canonical/buildkit's rebase branch: 121 findings on vendor/**/.travis.yml and vendored Dockerfiles.
    const { files } = await parseDiffText(`diff --git a/vendor/github.com/google/uuid/.travis.yml b/vendor/github.com/google/uuid/.travis.yml
deleted file mode 100644
--- a/vendor/github.com/google/uuid/.travis.yml
+++ /dev/null
@@ -1,3 +0,0 @@
-language: go
-go:
-  - 1.4.3
diff --git a/vendor/github.com/containerd/fuse-overlayfs-snapshotter/Dockerfile b/vendor/github.com/containerd/fuse-overlayfs-snapshotter/Dockerfile
--- a/vendor/github.com/containerd/fuse-overlayfs-snapshotter/Dockerfile
+++ b/vendor/github.com/containerd/fuse-overlayfs-snapshotter/Dockerfile
@@ -1,3 +1,3 @@
-ARG GO_VERSION=1.24
+ARG GO_VERSION=1.16
 FROM golang:\${GO_VERSION}-alpine AS build
 RUN go build ./...
diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -1,2 +1,2 @@
-ARG GO_VERSION=1.24
+ARG GO_VERSION=1.16
 FROM golang:\${GO_VERSION}-alpine AS build
`);
    const categoriser = createCategoriser();
    const findings = (await Promise.all(files.map((file) => categoriser.classify(file, diffFileContext())))).flat();
    expect(files.map((file) => `${file.path}: ${file.categories.join(' ')}`)).toEqual([
      'vendor/github.com/google/uuid/.travis.yml: vendored-deps',
      'vendor/github.com/containerd/fuse-overlayfs-snapshotter/Dockerfile: vendored-deps',
      'Dockerfile: dockerfile',
    ]);
    expect(findings.filter((finding) => finding.category !== 'vendored-deps').map((finding) => `${finding.path}: ${finding.message}`)).toEqual(['Dockerfile: ARG GO_VERSION: 1.24 → 1.16 (downgrade)']);
  });
});

describe('JavaScript suites named by prefix', () => {
  it('reads test/**/test-*.js as tests: a suite upstream added and the fork lacks is a test finding, not source', async () => {
    const { files } = await parseDiffText(`diff --git a/test/backend-test/test-ntp.js b/test/backend-test/test-ntp.js
deleted file mode 100644
--- a/test/backend-test/test-ntp.js
+++ /dev/null
@@ -1,6 +0,0 @@
-const { describe, test } = require("node:test");
-describe("NTP monitor", () => {
-    test("reports the offset", async () => {
-        assert.ok(true);
-    });
-});
diff --git a/test/fixtures/latest.js b/test/fixtures/latest.js
--- a/test/fixtures/latest.js
+++ b/test/fixtures/latest.js
@@ -1 +1 @@
-module.exports = { version: "2.0.0" };
+module.exports = { version: "2.0.1" };
`);
    const categoriser = createCategoriser();
    const context = diffFileContext();
    const findings = (await Promise.all(files.map((file) => categoriser.classify(file, context)))).flat();
    findings.push(...(await categoriser.finish(context)));
    expect(files.map((file) => [file.path, file.categories, file.otherKind])).toEqual([
      ['test/backend-test/test-ntp.js', ['removed-tests'], null],
      // A fixture under test/ is test code too, though it declares no test.
      ['test/fixtures/latest.js', ['other'], 'test'],
    ]);
    expect(findings.map((finding) => [finding.kind, finding.path])).toEqual([['test-file-deleted', 'test/backend-test/test-ntp.js']]);
  });
});

describe('files under tests/ that hold no test', () => {
  it('are no deleted test file: an empty file, a package __init__.py; a suite is', async () => {
    const deleted = (path: string, lines: string[]) => `diff --git a/${path} b/${path}
deleted file mode 100644
${lines.length === 0 ? '' : `--- a/${path}
+++ /dev/null
@@ -1,${lines.length} +0,0 @@
${lines.map((line) => `-${line}\n`).join('')}`}`;
    const { files } = await parseDiffText([
      deleted('ckanext/chained/tests/__init__.py', []),
      deleted('ckanext/other/tests/__init__.py', ['from . import helpers']),
      deleted('ckanext/chained/tests/test_chain.py', ['def test_chain():', '    assert True']),
    ].join(''));
    const categoriser = createCategoriser();
    const context = diffFileContext();
    for (const file of files) await categoriser.classify(file, context);
    expect((await categoriser.finish(context)).map((finding) => finding.path)).toEqual(['ckanext/chained/tests/test_chain.py']);
  });
});

describe('a root doc/ directory', () => {
  it('is documentation: its Sphinx conf.py is read for no missing fix', async () => {
    // ckan: "fork lacks upstream nil check: if parts[2] is None" was doc/conf.py's version helper.
    const hunk = (path: string) => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -10,4 +10,2 @@ def latest_release_version():
     parts = version.split('.')
-    if parts[2] is None:
-        return None
     return parts
`;
    const { files } = await parseDiffText(hunk('doc/conf.py') + hunk('ckan/lib/version.py'));
    const categoriser = createCategoriser();
    const findings = (await Promise.all(files.map((file) => categoriser.classify(file, diffFileContext())))).flat();
    expect(files.map((file) => [file.path, file.otherKind])).toEqual([['doc/conf.py', 'docs'], ['ckan/lib/version.py', null]]);
    expect(findings.map((finding) => finding.path)).toEqual(['ckan/lib/version.py']);
  });
});

describe("OpenStack's files", () => {
  it('reads test-requirements.txt as a requirements file and Zuul config as CI; a node_modules test as no test of the project', async () => {
    const change = (path: string, before: string, after: string) => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -1,2 +1,2 @@
 # pinned
-${before}
+${after}
`;
    const { files } = await parseDiffText([
      change('test-requirements.txt', 'ansible-core>=2.20,<2.22', 'ansible-lint<25'),
      change('zuul.d/jobs.yaml', '    timeout: 7200', '    timeout: 3600'),
      change('web/node_modules/undici/test/test-fetch.js', 'test("fetches", () => {});', '// gone'),
    ].join(''));
    const categoriser = createCategoriser();
    const context = diffFileContext();
    const findings = (await Promise.all(files.map((file) => categoriser.classify(file, context)))).flat();
    expect(files.map((file) => `${file.path}: ${file.categories.join(' ')}`)).toEqual([
      'test-requirements.txt: vendored-deps',
      'zuul.d/jobs.yaml: workflow',
      'web/node_modules/undici/test/test-fetch.js: vendored-deps',
    ]);
    expect(findings.map((finding) => `${finding.category} ${finding.details['module']}`).sort()).toEqual([
      'vendored-deps ansible-core', 'vendored-deps ansible-lint', 'vendored-deps undici',
    ]);
  });
});

describe('Dockerfile names', () => {
  it('reads a lowercase dockerfile, which docker build falls back to, and a name.dockerfile as Dockerfiles', async () => {
    // uptime-kuma: docker/dockerfile builds the image from docker/debian-base.dockerfile.
    const hunk = (path: string) => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -1,2 +1,2 @@
-FROM louislam/uptime-kuma:base2 AS build
+FROM nbetcher/uptime-kuma:base2 AS build
 RUN npm ci
`;
    const { files } = await parseDiffText(hunk('docker/dockerfile') + hunk('docker/debian-base.dockerfile') + hunk('docs/dockerfile.md'));
    const categoriser = createCategoriser();
    const findings = (await Promise.all(files.map((file) => categoriser.classify(file, diffFileContext())))).flat();
    expect(files.map((file) => `${file.path}: ${file.categories.join(' ')}`)).toEqual([
      'docker/dockerfile: dockerfile',
      'docker/debian-base.dockerfile: dockerfile',
      'docs/dockerfile.md: other',
    ]);
    expect(findings.map((finding) => finding.path)).toEqual(['docker/dockerfile', 'docker/debian-base.dockerfile']);
  });
});

describe('GitLab CI includes and scripts', () => {
  it('reads .gitlab-ci/ and .gitlab/ci/ as CI: their YAML as GitLab jobs, their scripts as CI, not as code with fixes', async () => {
    // libfprint keeps its scan-build wrapper in .gitlab-ci/; mesa and GitLab keep job files there and in .gitlab/ci/.
    const { files } = await parseDiffText(`diff --git a/.gitlab-ci/scan-build b/.gitlab-ci/scan-build
--- a/.gitlab-ci/scan-build
+++ b/.gitlab-ci/scan-build
@@ -1,2 +1,2 @@
 #!/bin/sh
-exec /usr/bin/scan-build --status-bugs -disable-checker unix.Malloc "$@"
+exec /usr/bin/scan-build -disable-checker unix.Malloc "$@"
diff --git a/.gitlab/ci/test.yml b/.gitlab/ci/test.yml
--- a/.gitlab/ci/test.yml
+++ b/.gitlab/ci/test.yml
@@ -1,6 +1,3 @@
 stages:
   - test
-unit-tests:
-  stage: test
-  script: meson test
 lint:
`);
    const categoriser = createCategoriser();
    const findings = [];
    for (const file of files) findings.push(...(await categoriser.classify(file, diffFileContext())));
    expect(files.map((file) => [file.path, file.categories])).toEqual([
      ['.gitlab-ci/scan-build', ['workflow']],
      ['.gitlab/ci/test.yml', ['workflow', 'removed-tests']],
    ]);
    expect(findings.map((finding) => `${finding.category}: ${finding.message}`).sort()).toEqual([
      'removed-tests: test job "unit-tests" removed',
      'workflow: job "unit-tests" removed',
    ]);
  });
});
