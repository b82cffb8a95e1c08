import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import removedTests from '../../src/classifiers/removed-tests.js';
import workflow from '../../src/classifiers/workflow.js';
import { classifyAll, gitContext, loadDiff, messages, parseDiff } from './helpers.js';

describe('workflow classifier', () => {
  it('reads GitHub Actions jobs, matrix entries, secrets, registries and action versions from hunks', async () => {
    const findings = await classifyAll(workflow, await loadDiff('workflow-github.diff'));
    expect(messages(findings).sort()).toEqual([
      'actions/checkout: v4 → v3',
      'job "e2e" removed',
      'job "publish" added',
      'login registry: docker.io → quay.io',
      'matrix os: macos-latest removed in job "unit"',
      'matrix os: windows-latest commented out in job "unit"',
      'secret NPM_TOKEN newly referenced',
      'secret QUAY_TOKEN newly referenced',
    ]);
    const matrix = findings.find((finding) => finding.message.includes('windows-latest'));
    expect(matrix?.details).toMatchObject({ job: 'unit', key: 'os', removed: ['windows-latest'], commentedOut: true });
    expect(matrix?.confidence).toBe('high');
  });

  it('reads GitLab CI top-level jobs and image registries', async () => {
    const findings = await classifyAll(workflow, await loadDiff('workflow-gitlab.diff'));
    expect(messages(findings).sort()).toEqual([
      'IMAGE: registry.gitlab.com/upstream/app → docker.io/forkorg/app (registry registry.gitlab.com → docker.io)',
      'job "integration" commented out',
      'job "sign" added',
    ]);
  });

  it("reads Forgejo's and Gitea's workflows as GitHub's, and Woodpecker's images and secrets", async () => {
    const files = await parseDiff(`diff --git a/.forgejo/workflows/ci.yml b/.forgejo/workflows/ci.yml
--- a/.forgejo/workflows/ci.yml
+++ b/.forgejo/workflows/ci.yml
@@ -1,12 +1,9 @@
 on: push
 jobs:
   test:
     runs-on: docker
     steps:
       - uses: actions/checkout@v4
-  release:
-    runs-on: docker
-    steps:
-      - uses: actions/checkout@v4
+      - run: make
+        env:
+          TOKEN: \${{ secrets.CODEBERG_TOKEN }}
diff --git a/.woodpecker/build.yaml b/.woodpecker/build.yaml
--- a/.woodpecker/build.yaml
+++ b/.woodpecker/build.yaml
@@ -1,6 +1,8 @@
 steps:
   build:
-    image: docker.io/library/golang:1.22
+    image: codeberg.org/forkorg/golang:1.22
     commands:
       - make
+    environment:
+      REGISTRY_PASSWORD: { from_secret: registry_password }
`);
    expect(files.map((file) => workflow.matches(file))).toEqual([true, true]);
    expect(messages(await classifyAll(workflow, files)).sort()).toEqual([
      'image: docker.io/library/golang:1.22 → codeberg.org/forkorg/golang:1.22 (registry docker.io → codeberg.org)',
      'job "release" removed',
      'secret CODEBERG_TOKEN newly referenced',
      'secret registry_password newly referenced',
    ]);
  });

  it('calls a composite action an action, not a workflow', async () => {
    const files = await parseDiff(`diff --git a/.github/actions/setup-go/action.yml b/.github/actions/setup-go/action.yml
new file mode 100644
--- /dev/null
+++ b/.github/actions/setup-go/action.yml
@@ -0,0 +1,5 @@
+name: Setup Go
+runs:
+  using: composite
+  steps:
+    - uses: actions/setup-go@v5
`);
    const findings = await classifyAll(workflow, files);
    expect(findings.filter((finding) => finding.kind === 'workflow-added').map((finding) => finding.message)).toEqual([
      expect.stringMatching(/^action \.github\/actions\/setup-go\/action\.yml /),
    ]);
  });

  it('uses whole files in git mode, so jobs outside the hunks are known exactly', async () => {
    const files = await parseDiff(`diff --git a/.github/workflows/a.yml b/.github/workflows/a.yml
--- a/.github/workflows/a.yml
+++ b/.github/workflows/a.yml
@@ -8,2 +8,2 @@
-      - run: make test
+      - run: make test-fast
`);
    const upstream = 'on: push\njobs:\n  test:\n    runs-on: x\n  docs:\n    runs-on: x\n    steps:\n      - run: make test\n';
    const fork = 'on: push\njobs:\n  test:\n    runs-on: x\n#  docs:\n#    runs-on: x\n    steps:\n      - run: make test-fast\n';
    const path = '.github/workflows/a.yml';
    const findings = await classifyAll(workflow, files, gitContext({ upstream: { [path]: upstream }, fork: { [path]: fork } }));
    expect(messages(findings)).toEqual(['job "docs" commented out']);
  });

  it('does not call branch filters or steps matrix entries', async () => {
    const files = await parseDiff(`diff --git a/.github/workflows/b.yml b/.github/workflows/b.yml
--- a/.github/workflows/b.yml
+++ b/.github/workflows/b.yml
@@ -1,6 +1,5 @@
 on:
   push:
     branches:
       - main
-      - release/*
 jobs:
`);
    expect(await classifyAll(workflow, files)).toEqual([]);
  });

  it('tells apart matrix items whose first keys are the same by the rest of their mappings', async () => {
    // LXD's system-tests run one `group: standalone_storage` item per storage backend; incus runs none of them.
    const files = await parseDiff(`diff --git a/.github/workflows/tests.yml b/.github/workflows/tests.yml
--- a/.github/workflows/tests.yml
+++ b/.github/workflows/tests.yml
@@ -1,17 +1,9 @@
 jobs:
   system-tests:
     strategy:
       matrix:
         include:
           - group: cluster
-          - group: standalone_storage
-            backends: ceph
-          - group: standalone_storage
-            backends: zfs
-          - group: image
         exclude:
           - os: 22.04
             test: vm
-          - os: 22.04
-            test: docker
     steps:
       - run: make test
`);
    const findings = await classifyAll(workflow, files);
    expect(messages(findings)).toEqual([
      'matrix include: group: standalone_storage, backends: ceph removed in job "system-tests"',
      'matrix include: group: standalone_storage, backends: zfs removed in job "system-tests"',
      'matrix include: group: image removed in job "system-tests"',
      // The fork keeps another `- os: 22.04` exclusion: the first key alone would name that one.
      'matrix exclude: os: 22.04, test: docker removed in job "system-tests"',
    ]);
    expect(new Set(findings.map((finding) => finding.fingerprint)).size).toBe(4);
    // An exclusion the fork lacks runs more tests, not fewer: no removed test.
    expect(messages(await classifyAll(removedTests, files))).toEqual([
      'test matrix entry include: group: standalone_storage, backends: ceph removed in job "system-tests"',
      'test matrix entry include: group: standalone_storage, backends: zfs removed in job "system-tests"',
      'test matrix entry include: group: image removed in job "system-tests"',
    ]);
  });
});

describe('workflow references', async () => {
  const { registryOf, resolveEnv, secretNames } = await import('../../src/classifiers/workflow/references.js');
  const { enclosingKeys } = await import('../../src/classifiers/workflow/yamlLines.js');

  it("reads `secrets: inherit` as every secret handed to the job's reusable workflow, unless upstream hands them too", async () => {
    const diff = `diff --git a/.github/workflows/publish.yaml b/.github/workflows/publish.yaml
--- a/.github/workflows/publish.yaml
+++ b/.github/workflows/publish.yaml
@@ -5,8 +5,12 @@ on:
 jobs:
   publish:
     uses: example/workflows/.github/workflows/publish.yaml@v1
-    secrets: inherit
+    secrets: inherit # still
     with:
       channel: edge
+  promote:
+    uses: "canonical/operator-workflows/.github/workflows/promote_charm.yaml@main"
+    with:
+      channel: stable
+    secrets:   inherit
   lint:
     runs-on: ubuntu-latest
`;
    const findings = await classifyAll(workflow, await parseDiff(diff));
    const inherits = findings.filter((finding) => finding.kind === 'secret-referenced');
    expect(messages(inherits)).toEqual(['every secret passed to canonical/operator-workflows/.github/workflows/promote_charm.yaml@main (secrets: inherit)']);
    expect(inherits[0]?.details).toMatchObject({ secret: 'inherit', workflow: 'canonical/operator-workflows/.github/workflows/promote_charm.yaml@main' });
    const { inheritedSecrets } = await import('../../src/classifiers/workflow/references.js');
    const [file] = await parseDiff(diff);
    expect(file && inheritedSecrets(file.hunks[0] as never, 'upstream').map(({ workflow, line }) => `${line} ${workflow}`)).toEqual(['8 example/workflows/.github/workflows/publish.yaml@v1']);
  });

  it('reads GitLab service images in either form, and no other list item, within the hunk of a saved diff', async () => {
    const diff = `diff --git a/.gitlab-ci.yml b/.gitlab-ci.yml
--- a/.gitlab-ci.yml
+++ b/.gitlab-ci.yml
@@ -1,14 +1,14 @@
 stages:
-  - build:v1
+  - build:v2
 test:
   services:
-    - docker:24-dind
+    - docker:20-dind
-    - name: postgres:16
+    - name: postgres:14
       alias: db
     - alias: cache
-      name: redis:7.2
+      name: redis:7.4
   script:
-    - make:all
+    - make:none
`;
    const findings = await classifyAll(workflow, await parseDiff(diff));
    expect(messages(findings.filter((finding) => finding.kind === 'image-changed'))).toEqual([
      'CI service image: docker:24-dind → docker:20-dind',
      'CI service image: postgres:16 → postgres:14',
      'CI service image: redis:7.2 → redis:7.4',
    ]);
  });

  it('reads a commit-pinned action by the version its comment names, and compares those versions', async () => {
    const diff = `diff --git a/.github/workflows/pr.yaml b/.github/workflows/pr.yaml
--- a/.github/workflows/pr.yaml
+++ b/.github/workflows/pr.yaml
@@ -10,4 +10,4 @@ jobs:
-      - uses: actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd # v6.0.2
-      - uses: tim-actions/dco@f2279e6e62d5a7d9115b0cb8e837b777b1b02e21 # v1.1.0
-      - uses: canonical/Inclusive-naming@7aa0f7a606f182bd03a7adb28e0d710216101ca5
-      - uses: actions/setup-node@48b55a011bda9f5d6aeb4c2d9c7362e8dae4041e # tag=v6.4.0
+      - uses: actions/checkout@v5 # v6.0.2 is upstream's
+      - uses: tim-actions/dco@master
+      - uses: canonical/Inclusive-naming@main
+      - uses: actions/setup-node@1d0ff469b7ec7b3cb9d8673fde0c81c44821de2a # v4.2.0
`;
    const findings = await classifyAll(workflow, await parseDiff(diff));
    expect(messages(findings)).toEqual([
      'actions/checkout: v6.0.2 (de0fac2e) → v5',
      'tim-actions/dco: v1.1.0 (f2279e6e) → master',
      'canonical/Inclusive-naming: 7aa0f7a606f182bd03a7adb28e0d710216101ca5 → main',
      'actions/setup-node: v6.4.0 (48b55a01) → v4.2.0 (1d0ff469)',
    ]);
    // Fingerprints and refs stay the commits: baselines of before keep matching.
    expect(findings[0]?.details).toEqual({ action: 'actions/checkout', upstream: 'de0fac2e4500dabe0009e67214ff5f5447ce83dd', fork: 'v5', upstreamVersion: 'v6.0.2' });
    expect(findings[3]?.details).toMatchObject({ upstreamVersion: 'v6.4.0', forkVersion: 'v4.2.0' });
    const { describeChange } = await import('../../src/classifiers/common/wording.js');
    const { pinnedRef } = await import('../../src/classifiers/workflow/references.js');
    const [upstream, fork] = [pinnedRef('de0fac2e4500dabe0009e67214ff5f5447ce83dd', 'v6.0.2'), pinnedRef('v5', '')];
    expect(describeChange({ subject: 'actions/checkout', upstream: upstream.label, fork: fork.label, side: 'upstream', versions: { upstream: upstream.version, fork: fork.version } }))
      .toBe('upstream bumped actions/checkout v5 → v6.0.2 (de0fac2e); fork still at v5');
    // A comment that names no version, or a ref that is not a whole commit id, is no pin.
    expect(pinnedRef('de0fac2e4500dabe0009e67214ff5f5447ce83dd', 'pinned for reproducibility').label).toBe('de0fac2e4500dabe0009e67214ff5f5447ce83dd');
    expect(pinnedRef('de0fac2e', 'v6.0.2').label).toBe('de0fac2e');
    expect(pinnedRef('de0fac2e4500dabe0009e67214ff5f5447ce83dd', 'pin @v2.1.0').label).toBe('v2.1.0 (de0fac2e)');
  });

  it('gives the files of a Zuul config directory one side alone has one row per directory, not one per fragment', async () => {
    const added = (path: string, body: string) => `diff --git a/${path} b/${path}
new file mode 100644
--- /dev/null
+++ b/${path}
@@ -0,0 +1,2 @@
${body.split('\n').map((line) => `+${line}`).join('\n')}
`;
    const removed = (path: string) => `diff --git a/${path} b/${path}
deleted file mode 100644
--- a/${path}
+++ /dev/null
@@ -1,2 +0,0 @@
-- job:
-    name: kolla-base
`;
    const diff = added('zuul.d/jobs.yaml', '- job:\n    name: kolla-build') + added('zuul.d/project.yaml', '- project:\n    check: {}') + removed('.zuul.d/base.yaml');
    const findings = await classifyAll(workflow, await parseDiff(diff));
    // One file of .zuul.d/ keeps its own row.
    expect(messages(findings).sort()).toEqual(['Zuul config zuul.d/ (2 files) added', 'workflow .zuul.d/base.yaml removed']);
    expect(findings.find((finding) => finding.path === 'zuul.d')).toMatchObject({ kind: 'workflow-added', details: { files: ['zuul.d/jobs.yaml', 'zuul.d/project.yaml'] } });
  });

  it('says a side pinned the version the other uses as a tag, not "v5 → v5"', async () => {
    const diff = `diff --git a/.github/workflows/ci.yaml b/.github/workflows/ci.yaml
--- a/.github/workflows/ci.yaml
+++ b/.github/workflows/ci.yaml
@@ -10,2 +10,2 @@ jobs:
-      - uses: codecov/codecov-action@v5
-      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4
+      - uses: codecov/codecov-action@1af58845a975a7985b0beb0cbe6fbbb71a41dbad # v5
+      - uses: actions/checkout@v4.2.2
`;
    const findings = await classifyAll(workflow, await parseDiff(diff));
    // A pin of the same version; a tag of another version is a change as before.
    expect(messages(findings)).toEqual(['codecov/codecov-action v5: the tag → commit 1af58845', 'actions/checkout: v4 (11bd7190) → v4.2.2']);
    const { describePinning } = await import('../../src/classifiers/workflow/references.js');
    const refs = { upstream: 'v5', fork: '1af58845a975a7985b0beb0cbe6fbbb71a41dbad' };
    const versions = { upstream: 'v5', fork: 'v5' };
    expect(describePinning('codecov/codecov-action', refs, versions, 'fork')).toBe('fork pinned codecov/codecov-action v5 to commit 1af58845');
    expect(describePinning('codecov/codecov-action', refs, versions, 'upstream')).toBe('upstream unpinned codecov/codecov-action v5 (commit 1af58845 → the tag); fork still at the commit');
    expect(describePinning('codecov/codecov-action', refs, versions, 'both')).toBeNull();
    expect(describePinning('codecov/codecov-action', refs, { upstream: 'v4', fork: 'v5' }, 'fork')).toBeNull();
  });

  it('reads a tool version pinned or moved to an expression, but not one expression rewired to another', async () => {
    const diff = `diff --git a/.github/workflows/build.yml b/.github/workflows/build.yml
--- a/.github/workflows/build.yml
+++ b/.github/workflows/build.yml
@@ -10,6 +10,6 @@ jobs:
       - uses: actions/setup-go@v5
         with:
-          go-version: \${{ steps.get-go-version.outputs.go-version }}
+          go-version: \${{ steps.get-go-version.outputs.version }}
-          product-version: \${{ steps.set-product-version.outputs.product-version }}
+          product-version: '1.4.0'
-          node-version: 20
+          node-version: "\${{ env.NODE }}"
`;
    // tofu-ls renamed the step outputs its versions come from: that is wiring, not a version.
    expect(messages((await classifyAll(workflow, await parseDiff(diff))).filter((finding) => finding.kind === 'tool-version-changed'))).toEqual([
      'product-version: ${{ steps.set-product-version.outputs.product-version }} → 1.4.0',
      'node-version: 20 → ${{ env.NODE }}',
    ]);
  });

  it("reads a tool version and a login registry through the workflow's env and quoting (searxng's data-update.yml)", async () => {
    const path = '.github/workflows/data-update.yml';
    const upstream = `name: Update data
on: workflow_dispatch
jobs:
  data:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-python@v5
        with:
          python-version: "3.10"
      - uses: docker/login-action@v3
        with:
          registry: docker.io
  docs:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/setup-node@v4
        with:
          node-version: "20"
      - uses: docker/login-action@v3
        with:
          registry: ghcr.io
`;
    // The fork's: its versions from the env, its registries quoted.
    const fork = upstream
      .replace('on: workflow_dispatch\n', 'on: workflow_dispatch\nenv:\n  PYTHON_VERSION: "3.14"\n  NODE_VERSION: "20"\n')
      .replace('python-version: "3.10"', 'python-version: "${{ env.PYTHON_VERSION }}"')
      .replace('node-version: "20"', 'node-version: "${{ env.NODE_VERSION }}"')
      .replaceAll(/registry: .*/g, 'registry: "ghcr.io"');
    const dir = mkdtempSync(join(tmpdir(), 'forkdiff-env-'));
    writeFileSync(join(dir, 'upstream.yml'), upstream);
    writeFileSync(join(dir, 'fork.yml'), fork);
    // git's own diff of the two (exit code 1: they differ), under the workflow's path.
    const diff = spawnSync('git', ['diff', '--no-index', '--', 'upstream.yml', 'fork.yml'], { cwd: dir, encoding: 'utf8' }).stdout.replaceAll('upstream.yml', path).replaceAll('fork.yml', path);
    rmSync(dir, { recursive: true, force: true });
    const found = await classifyAll(workflow, await parseDiff(diff), gitContext({ upstream: { [path]: upstream }, fork: { [path]: fork } }));
    // The node version moved into the env unchanged, and "ghcr.io" quoted is ghcr.io: no rows.
    expect(found.filter((finding) => finding.kind === 'tool-version-changed' || finding.kind === 'registry-changed').map((finding) => finding.message)).toEqual([
      'python-version: 3.10 → 3.14',
      'login registry: docker.io → ghcr.io',
    ]);
  });

  it("reads a test job moved into a reusable workflow as a doubt, and pairs no version or list across jobs (paperless-ngx's ci.yml)", async () => {
    const path = '.github/workflows/ci.yml';
    const upstream = [
      'on: push', 'jobs:', '  codestyle:', '    runs-on: ubuntu-20.04', '    steps:', '      - uses: actions/setup-python@v2', '        with:',
      '          python-version: 3.9', '      - run: pycodestyle', '  tests:', '    runs-on: ubuntu-20.04', '    strategy:', '      matrix:',
      "        python-version: ['3.7', '3.8', '3.9']", '    steps:', '      - uses: actions/setup-python@v2', '        with:',
      '          python-version: "${{ matrix.python-version }}"', '      - run: pytest', '',
    ].join('\n');
    const fork = [
      'on: push', 'jobs:', '  ci-backend:', '    uses: ./.github/workflows/reusable-ci-backend.yml', '  docker:', '    runs-on: ubuntu-20.04',
      '    needs: ci-backend', '    steps:', '      - uses: actions/setup-python@v3', '        with:', '          python-version: "3.9"', '      - run: docker build .', '',
    ].join('\n');
    const reusable = "on: workflow_call\njobs:\n  code-checks-backend:\n    runs-on: ubuntu-20.04\n    steps:\n      - run: pycodestyle\n  tests-backend:\n    runs-on: ubuntu-20.04\n    strategy:\n      matrix:\n        python-version: ['3.8', '3.9', '3.10']\n    steps:\n      - run: pipenv run pytest\n";
    const files = await parseDiff(`diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -1,19 +1,12 @@
 on: push
 jobs:
-  codestyle:
+  ci-backend:
+    uses: ./.github/workflows/reusable-ci-backend.yml
+  docker:
     runs-on: ubuntu-20.04
+    needs: ci-backend
     steps:
-      - uses: actions/setup-python@v2
+      - uses: actions/setup-python@v3
         with:
-          python-version: 3.9
-      - run: pycodestyle
-  tests:
-    runs-on: ubuntu-20.04
-    strategy:
-      matrix:
-        python-version: ['3.7', '3.8', '3.9']
-    steps:
-      - uses: actions/setup-python@v2
-        with:
-          python-version: "\${{ matrix.python-version }}"
-      - run: pytest
+          python-version: "3.9"
+      - run: docker build .
`);
    const context = gitContext({ upstream: { [path]: upstream }, fork: { [path]: fork, '.github/workflows/reusable-ci-backend.yml': reusable } });
    // `3.9` and `"3.9"` are one version; the tests job's three versions are not the docker job's one.
    expect(messages(await classifyAll(workflow, files, context)).sort()).toEqual([
      'actions/setup-python: v2 → v3', 'job "ci-backend" added', 'job "codestyle" removed', 'job "docker" added', 'job "tests" removed',
    ]);
    const [moved] = await classifyAll(removedTests, files, context);
    expect(moved).toMatchObject({
      kind: 'test-job-removed', confidence: 'low',
      message: 'test job "tests" removed; the workflow now calls .github/workflows/reusable-ci-backend.yml (tests-backend), which runs tests',
      details: { calledTests: [{ path: '.github/workflows/reusable-ci-backend.yml', jobs: ['tests-backend'] }] },
    });
    // Without the called file (or in a saved diff) the removal stands as it was.
    const [alone] = await classifyAll(removedTests, files, gitContext({ upstream: { [path]: upstream }, fork: { [path]: fork } }));
    expect(alone).toMatchObject({ confidence: 'high', message: 'test job "tests" removed' });
  });

  it('reads secrets anywhere in an expression, never in comments', () => {
    expect([...secretNames([
      'token: ${{ secrets.A || secrets.B }}',
      "run: echo ${{ format('{0}', secrets.X) }} ${{ secrets['Y-Z'] }}",
      '# password: ${{ secrets.COMMENTED }}',
      'name: secrets.NOT_AN_EXPRESSION',
    ])].sort()).toEqual(['A', 'B', 'X', 'Y-Z']);
    // Woodpecker and Drone name a secret with from_secret, in block or flow style.
    expect([...secretNames([
      '      docker_password:',
      '        from_secret: docker_password',
      '      token: { from_secret: "codeberg_token" }',
      '      # from_secret: commented',
    ])].sort()).toEqual(['codeberg_token', 'docker_password']);
  });

  it('finds the registry of image names that hold expressions', () => {
    expect(registryOf('ghcr.io/org/app:${{ github.sha }}')).toBe('ghcr.io');
    expect(registryOf('org/app:${{ github.sha }}')).toBe('docker.io');
    expect(registryOf('${{ env.REGISTRY }}/app')).toBe('${{ env.REGISTRY }}');
    expect(resolveEnv('${{ env.REGISTRY }}', new Map([['REGISTRY', "${{ github.event_name == 'push' && secrets.PROD_REGISTRY || 'ghcr.io' }}"]]))).toBe('secret PROD_REGISTRY or ghcr.io');
  });

  it('knows the key of list items written at its own indent', () => {
    const lines = ['jobs:', '  build:', '    steps:', '    - name: a', '    - name: b'];
    expect(enclosingKeys(lines, 4).map((key) => key.key)).toEqual(['steps', 'build', 'jobs']);
    const gitlab = ['build:', '  parallel:', '    matrix:', '      - TARGET:', '          - x86_64'];
    expect(enclosingKeys(gitlab, 4).map((key) => key.key)).toEqual(['TARGET', 'matrix', 'parallel', 'build']);
  });
});
