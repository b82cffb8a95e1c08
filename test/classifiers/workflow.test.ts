import { describe, expect, it } from 'vitest';
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
});
