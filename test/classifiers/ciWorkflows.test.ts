import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCiWorkflowsFixture } from '../../fixtures/make-fork.mjs';
import type { Finding, Report } from '../../src/model.js';
import { short } from '../git/fixtureRepo.js';
import { runCli } from '../helpers/runCli.js';

/** The ci-workflows fork (fixtures/forks/ci-workflows.mjs), audited once in git mode. */
let dir: string;
let report: Report;
let shas: Record<string, string>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-ci-'));
  const fixture = await makeCiWorkflowsFixture(join(dir, 'fx'));
  shas = fixture.shas;
  const { status, stdout, stderr } = runCli(['main', '--format', 'json'], { cwd: fixture.clone });
  expect(stderr).toBe('');
  expect(status).toBe(0);
  report = JSON.parse(stdout) as Report;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const messages = (category: string, path: string): string[] =>
  report.findings.filter((finding: Finding) => finding.category === category && finding.path === path).map((finding) => finding.message).sort();

describe('GitHub Actions, read whole in git mode', () => {
  it('reports every changed action and tool version of a hunk, who moved each, and flow lists shortened', () => {
    const ci = messages('workflow', '.github/workflows/ci.yml');
    expect(ci).toEqual(expect.arrayContaining([
      'fork downgraded actions/setup-node v4 → v3',
      'fork downgraded actions/setup-python v5 → v4',
      'upstream bumped actions/checkout v3 → v4; fork still at v3',
      'fork downgraded node-version 20 → 18',
      'fork shortened python-version: 3 → 1 entries in job "lint" (dropped 3.10, 3.11)',
    ]));
  });

  it('finds secrets anywhere in an expression, and registries behind env values and expressions', () => {
    const ci = messages('workflow', '.github/workflows/ci.yml');
    expect(ci).toEqual(expect.arrayContaining([
      'fork newly references secret GHCR_TOKEN',
      'fork newly references secret GITHUB_TOKEN',
      'fork changed REGISTRY docker.io → ghcr.io',
      'fork changed IMAGE (registry docker.io → ghcr.io) docker.io/upstream/app → ghcr.io/fork/app',
    ]));
    expect(ci.filter((message) => message.includes('DOCKERHUB_TOKEN'))).toEqual([]);
  });

  it('names the job of a matrix entry the hunk does not show, once per job that drops it', () => {
    expect(messages('removed-tests', '.github/workflows/ci.yml')).toEqual([
      'fork commented out test job "test-integration"',
      'fork commented out test matrix entry worker: oci-rootless in job "race"',
      'fork commented out test matrix entry worker: oci-rootless in job "unit"',
    ]);
    const drops = report.findings.filter((finding) => finding.kind === 'matrix-entry-removed' && finding.details['key'] === 'worker');
    expect(new Set(drops.map((finding) => finding.fingerprint)).size).toBe(2);
  });

  it('does not read steps written at their key\'s indent, or a comment, as drift', () => {
    const ci = messages('workflow', '.github/workflows/ci.yml');
    expect(ci.filter((message) => /Vet|steps|rootless support/.test(message))).toEqual([]);
  });

  it('reads a workflow upstream deleted and the fork changed as upstream\'s removal, and a login it kept as no upstream change', () => {
    // The fork moved the merge base's default login to ghcr.io: its own change.
    // Upstream's ci.yml still logs in with DOCKERHUB_TOKEN: only the user name is a secret upstream no longer references.
    expect(messages('workflow', '.github/workflows/beta-release.yml')).toEqual([
      'fork changed login registry docker.io → ghcr.io',
      'upstream no longer references secret DOCKERHUB_USERNAME; fork still has it',
      'upstream removed workflow .github/workflows/beta-release.yml (jobs beta), which the fork changed since',
    ]);
    expect(report.files.find((file) => file.path === '.github/workflows/beta-release.yml')).toMatchObject({ status: 'added', side: 'both' });
    // The merge base already logged in to ghcr.io there: upstream, having deleted the workflow, logs in nowhere (not to docker.io).
    expect(messages('workflow', '.github/workflows/nightly-release.yml')).toEqual([
      'upstream no longer references secret DOCKERHUB_USERNAME; fork still has it',
      'upstream removed workflow .github/workflows/nightly-release.yml (jobs nightly), which the fork changed since',
    ]);
  });

  it('reads secrets against all of upstream\'s file and the merge base\'s: a guard on one upstream keeps is no new secret', () => {
    // The fork guards Chocolatey on CHOCO_APIKEY, which upstream's unchanged lines still pass, and reads a flag from
    // COSIGN_KEY, which both added in the same line; upstream moved goreleaser off GORELEASER_GITHUB_TOKEN, which the
    // base had and the fork hands over under another name.
    expect(messages('workflow', '.github/workflows/release.yml')).toEqual([
      'upstream no longer references secret GORELEASER_GITHUB_TOKEN, which the fork changed since',
    ]);
    expect(report.findings.find((finding) => finding.path === '.github/workflows/release.yml')).toMatchObject({ side: 'both' });
  });

  it('analyses a workflow only the fork has as a whole: its jobs, secrets and login registry', () => {
    expect(messages('workflow', '.github/workflows/publish-artifactory.yml')).toEqual([
      'fork added workflow .github/workflows/publish-artifactory.yml (jobs artifactory)',
      'fork changed login registry docker.io → canonical.jfrog.io',
      'fork newly references secret ARTIFACTORY_PASSWORD',
      'fork newly references secret ARTIFACTORY_TOKEN',
      'fork newly references secret ARTIFACTORY_URL',
      'fork newly references secret ARTIFACTORY_USER',
    ]);
  });
});

describe('GitLab CI', () => {
  it('reports removed test jobs (by name and by the runner their script calls) and matrix entries by their variable', () => {
    expect(messages('removed-tests', '.gitlab-ci.yml')).toEqual(['fork removed test job "cargo-test"', 'fork removed test job "verify"']);
    expect(messages('workflow', '.gitlab-ci.yml')).toEqual([
      'fork changed CI image alpine:3.19 → alpine:edge',
      'fork changed source of check-links.sh raw.githubusercontent.com/acme → raw.githubusercontent.com/forkorg',
      'fork downgraded CI service image docker:24-dind → docker:20-dind',
      'fork downgraded CI service image postgres:16 → postgres:14',
      'fork removed job "cargo-test"',
      'fork removed job "verify"',
      'fork removed matrix TARGET: aarch64 in job "build"',
      'fork removed matrix TARGET: riscv64 in job "build"',
      'upstream bumped CI image rust:1.79 → rust:1.82; fork still at rust:1.79',
    ]);
  });

  it('reads service images from the whole file, paired by repository, with the commit that changed them', () => {
    const services = report.findings.filter((finding) => finding.kind === 'image-changed' && finding.details['key'] === 'services');
    expect(services.map(({ side, commits, details }) => [side, commits, details['upstream'], details['fork']])).toEqual([
      ['fork', [shas['forkGitlab']?.slice(0, 12)], 'docker:24-dind', 'docker:20-dind'],
      ['fork', [shas['forkGitlab']?.slice(0, 12)], 'postgres:16', 'postgres:14'],
    ]);
  });

  it('reports the CI images each side changed within a registry, with the commit that changed them', () => {
    const images = report.findings.filter((finding) => finding.kind === 'image-changed' && finding.details['key'] === 'image');
    expect(images).toHaveLength(2);
    expect(images).toMatchObject([
      { side: 'fork', commits: [shas['forkGitlab']?.slice(0, 12)], details: { key: 'image', upstream: 'alpine:3.19', fork: 'alpine:edge' } },
      { side: 'upstream', commits: [shas['rustBump']?.slice(0, 12)], details: { key: 'image', upstream: 'rust:1.82', fork: 'rust:1.79' } },
    ]);
  });
});

describe('CI on Codeberg', () => {
  it("reads the fork's Forgejo workflow as GitHub's, and a Woodpecker pipeline's images and from_secret: secrets, with the commit", () => {
    expect(messages('workflow', '.forgejo/workflows/ci.yml')).toEqual([
      'fork added workflow .forgejo/workflows/ci.yml (jobs test, mirror)',
      'fork newly references secret CODEBERG_TOKEN',
    ]);
    expect(messages('workflow', '.woodpecker/release.yaml')).toEqual([
      'fork changed image (registry docker.io → codeberg.org) docker.io/library/rust:1.79 → codeberg.org/forkorg/rust:1.79',
      'fork newly references secret cosign_key',
    ]);
    const codeberg = report.findings.filter((finding) => finding.path.startsWith('.forgejo/') || finding.path.startsWith('.woodpecker/'));
    expect(codeberg.map((finding) => [finding.side, finding.commits])).toEqual(codeberg.map(() => ['fork', [short(shas['forkCodeberg'] ?? '')]]));
  });
});
