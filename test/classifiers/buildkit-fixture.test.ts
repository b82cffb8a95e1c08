import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifiers } from '../../src/classifiers/index.js';
import { parseDiffText } from '../../src/diff/parse.js';
import type { Finding } from '../../src/model.js';
import { buildkitFixture, classifyAll, diffFileContext, hasBuildkitFixture } from './helpers.js';

async function analyse(): Promise<Finding[]> {
  const { files } = await parseDiffText(readFileSync(buildkitFixture, 'utf8'));
  const context = diffFileContext();
  const findings: Finding[] = [];
  for (const classifier of classifiers) findings.push(...(await classifyAll(classifier, files, context)));
  return findings;
}

const has = (findings: Finding[], category: string, path: string, message: string): boolean =>
  findings.some((finding) => finding.category === category && finding.path === path && finding.message.includes(message));

describe.skipIf(!hasBuildkitFixture)(`the real buildkit v0.11 fixture${hasBuildkitFixture ? '' : ' (skipped: ../shared/fixtures/buildkit-v0.11.diff.md is absent)'}`, async () => {
  const findings = hasBuildkitFixture ? await analyse() : [];

  it('reports the go.mod downgrades once each', () => {
    const dependency = (module: string) => findings.filter((finding) => finding.details['module'] === module && finding.kind === 'dependency');
    expect(dependency('github.com/containerd/containerd')[0]?.details).toMatchObject({ upstream: 'v1.6.21', fork: 'v1.6.18', direction: 'downgrade', ecosystem: 'go' });
    expect(dependency('github.com/opencontainers/runc')[0]?.details).toMatchObject({ upstream: 'v1.1.5', fork: 'v1.1.3', direction: 'downgrade' });
    for (const module of ['github.com/Microsoft/hcsshim', 'github.com/containerd/ttrpc', 'github.com/opencontainers/image-spec']) {
      expect(dependency(module)).toHaveLength(1);
      expect(dependency(module)[0]?.details['direction']).toBe('downgrade');
    }
    // Vendored files hang off their module's row instead of being rows of their own.
    expect(findings.some((finding) => finding.category === 'vendored-deps' && finding.path.startsWith('vendor/github.com/'))).toBe(false);
    expect(dependency('github.com/containerd/containerd')[0]?.details['vendoredFiles']).toEqual(expect.arrayContaining(['vendor/github.com/containerd/containerd/task.go']));
  });

  it('reports the Dockerfile base image move to Ubuntu and the pinned downgrades', () => {
    expect(has(findings, 'dockerfile', 'Dockerfile', 'base image of stage "git": alpine:3.17 → ubuntu:20.04')).toBe(true);
    expect(has(findings, 'dockerfile', 'Dockerfile', 'ARG CONTAINERD_VERSION: v1.6.21 → v1.6.18 (downgrade)')).toBe(true);
    expect(has(findings, 'dockerfile', 'Dockerfile', 'ARG ROOTLESSKIT_VERSION: v1.0.1 → 0.14.6 (downgrade)')).toBe(true);
    expect(has(findings, 'dockerfile', 'Dockerfile', 'ARG RUNC_VERSION: v1.1.7 → 1.1.0-0ubuntu1~20.04.2 (downgrade)')).toBe(true);
    expect(has(findings, 'dockerfile', 'Dockerfile', 'stage "runc" commented out')).toBe(true);
    expect(has(findings, 'dockerfile', 'Dockerfile', 'secret mount "ARTIFACTORY_APT_AUTH_CONF" added')).toBe(true);
    expect(has(findings, 'dockerfile', 'Dockerfile', 'package manager of stage "git": apk → apt')).toBe(true);
    // The fork's new bake files for the S3 and Azure tests pass the Artifactory credentials in.
    for (const path of ['hack/s3_test/docker-bake.hcl', 'hack/azblob_test/docker-bake.hcl']) {
      expect(has(findings, 'dockerfile', path, 'secret "ARTIFACTORY_APT_AUTH_CONF" passed to target "buildkit"'), path).toBe(true);
    }
  });

  it('reports the CI jobs, matrix, secrets and registry changes in build.yml', () => {
    const build = '.github/workflows/build.yml';
    for (const message of ['job "frontend-base" commented out', 'job "frontend-image" commented out', 'job "test-s3" added', 'job "test-azblob" added',
      'secret ARTIFACTORY_APT_AUTH_CONF newly referenced', 'secret ARTIFACTORY_BASE64_GPG newly referenced', 'secret ARTIFACTORY_ACCESS_TOKEN newly referenced',
      'PLATFORMS: 6 → 1 platforms', 'matrix worker: oci-rootless commented out', 'login registry: docker.io → ghcr.io']) {
      expect(has(findings, 'workflow', build, message), message).toBe(true);
    }
  });

  it('reports the removed tests and the dropped test-matrix worker', () => {
    for (const test of ['testBasicS3CacheImportExport', 'testBasicAzblobCacheImportExport', 'testLLBMountPerformance']) {
      expect(has(findings, 'removed-tests', 'client/client_test.go', `test ${test} removed`), test).toBe(true);
    }
    expect(has(findings, 'removed-tests', 'client/build_test.go', 'test testClientGatewayContainerCancelPID1Tty removed')).toBe(true);
    expect(findings.find((finding) => finding.kind === 'matrix-test-removed' && finding.details['test'] === 'worker: oci-rootless')).toBeDefined();
    expect(findings.some((finding) => finding.category === 'removed-tests' && finding.path.startsWith('vendor/'))).toBe(false);
  });

  it('reports the missing nil check in sbom.go, the missing lock in session.go and the dropped loop guard in vertex.go, and no refactor as a fix', () => {
    expect(has(findings, 'reverted-fixes', 'solver/llbsolver/proc/sbom.go', 'fork lacks upstream nil check: if ref == nil { continue }')).toBe(true);
    expect(has(findings, 'reverted-fixes', 'session/session.go', 'fork lacks upstream lock: s.mu.Lock()')).toBe(true);
    // The loop in loadLLB lost its exit on a digest that maps to itself.
    expect(has(findings, 'reverted-fixes', 'solver/llbsolver/vertex.go', 'fork lacks upstream guard condition: newDgst == lastDgst, in if !ok || newDgst == lastDgst {')).toBe(true);
    const fixPaths = new Set(findings.filter((finding) => finding.category === 'reverted-fixes').map((finding) => finding.path));
    for (const refactor of ['exporter/containerimage/writer.go', 'frontend/dockerfile/dockerfile2llb/image.go', 'solver/llbsolver/ops/file.go', 'README.md', 'docs/rootless.md']) {
      expect(fixPaths.has(refactor), refactor).toBe(false);
    }
    expect([...fixPaths].some((path) => path.startsWith('vendor/') || path.includes('testutil'))).toBe(false);
  });

  it('gives every finding a one-line message, a fingerprint and a null side in diff-file mode', () => {
    expect(findings.length).toBeGreaterThan(50);
    for (const finding of findings) {
      expect(finding.message).not.toContain('\n');
      expect(finding.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(finding.side).toBeNull();
    }
    const fingerprints = findings.map((finding) => finding.fingerprint);
    const repeated = findings.filter((finding, index) => fingerprints.indexOf(finding.fingerprint) !== index);
    expect(repeated.map((finding) => finding.message)).toEqual([]);
  });
});
