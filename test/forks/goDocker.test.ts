import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { short } from '../git/fixtureRepo.js';
import { auditFork, findingOf, messagesAt } from './auditFork.js';
import type { AuditedFork } from './auditFork.js';

/** fixtures/forks/go-docker.mjs: go.mod with comments and blocks, a Dockerfile with scoped ARGs, compose. */
let fork: AuditedFork;
beforeAll(async () => {
  fork = await auditFork('go-docker');
});
afterAll(() => fork.remove());

describe('go.mod', () => {
  it('reads requirements with any trailing comment, and never an exclude block', () => {
    expect(messagesAt(fork.git, 'vendored-deps', 'go.mod')).toEqual([
      'both changed github.com/containerd/containerd: upstream v1.7.5, fork v1.7.8 (fork ahead)',
      'fork downgraded golang.org/x/sys v0.10.0 → v0.9.0',
      'upstream bumped github.com/docker/docker v23.0.6+incompatible → v23.0.7-0.20230714215826-0cae31c7dd6e+incompatible; fork still at v23.0.6+incompatible',
    ]);
    expect(findingOf(fork.git, 'module', 'github.com/docker/docker')).toMatchObject({ side: 'upstream', commits: [short(fork.fixture.shas.dockerBump)] });
    // A reworded comment and a move to the direct block change no version.
    for (const module of ['github.com/spf13/cobra', 'github.com/sirupsen/logrus']) {
      expect(fork.git.findings.some((finding) => finding.details['module'] === module), module).toBe(false);
    }
    expect(messagesAt(fork.diffFile, 'vendored-deps', 'go.mod')).toEqual([
      'github.com/containerd/containerd: v1.7.5 → v1.7.8 (upgrade)',
      'github.com/docker/docker: v23.0.7-0.20230714215826-0cae31c7dd6e+incompatible → v23.0.6+incompatible (downgrade)',
      'golang.org/x/sys: v0.10.0 → v0.9.0 (downgrade)',
    ]);
  });
});

describe('commits', () => {
  it("has upstream's containerd fix applied, by the fork's newer version, with the fork commit that set it; no security fix lacking", () => {
    const commits = fork.git.commits;
    expect(commits?.applied).toEqual([
      { commit: expect.objectContaining({ sha: fork.fixture.shas.containerdFix, security: ['CVE-2023-25153'] }), how: 'versions', forkCommit: fork.fixture.shas.forkContainerd },
    ]);
    expect(commits?.missingFromFork.map((commit) => commit.sha)).not.toContain(fork.fixture.shas.containerdFix);
    expect(commits?.missingFromFork.filter((commit) => commit.security.length > 0)).toEqual([]);
  });
});

describe('Dockerfile', () => {
  it('compares ARGs per scope and says which: a stage default is not the global one', () => {
    expect(messagesAt(fork.git, 'dockerfile', 'Dockerfile').filter((message) => message.includes('ARG'))).toEqual([
      'fork added global ARG DELVE_VERSION=1.20.2',
      'fork changed ARG DELVE_VERSION in stage "tools" 1.21.0 → (no default)',
      'fork downgraded ARG GO_VERSION in stage "release" 1.21 → 1.20',
      'upstream bumped ARG ALPINE_VERSION 3.18 → 3.19; fork still at 3.18',
    ]);
    const releaseGo = fork.git.findings.find((finding) => finding.details['arg'] === 'GO_VERSION');
    expect(releaseGo).toMatchObject({ side: 'fork', details: { scope: 'stage "release"', direction: 'downgrade' } });
  });

  it('keys COPY --from by stage: the same COPY kept in one stage does not hide its removal from another', () => {
    const copies = fork.git.findings.filter((finding) => finding.kind === 'copy-from-removed');
    expect(copies.find((finding) => finding.details['instruction'] === 'COPY --from=build /out/gadget /usr/bin/gadget')).toMatchObject({
      side: 'fork', commits: [short(fork.fixture.shas.forkDockerfile)], details: { stage: 'debug' },
      message: 'fork removed COPY --from=build in stage "debug": COPY --from=build /out/gadget /usr/bin/gadget',
    });
    expect(copies).toHaveLength(2);
  });

  it("reads a COPY the merge base had, which the fork dropped and upstream changed since, as both sides' doing", () => {
    // Upstream's line is upstream's own (it added --link), but the COPY is not upstream's addition.
    const copy = fork.git.findings.find((finding) => finding.details['instruction'] === 'COPY --link --from=build /src/gadget.yaml /etc/gadget.yaml');
    expect(copy).toMatchObject({
      kind: 'copy-from-removed', side: 'both', commits: [short(fork.fixture.shas.configLink)],
      message: 'fork removed COPY --from=build in stage "debug": COPY --link --from=build /src/gadget.yaml /etc/gadget.yaml, which upstream changed since',
    });
  });

  it("reads a stage the merge base had, which the fork dropped and upstream bumped since, as both sides' doing", () => {
    // Upstream's FROM line is upstream's own (Node 18 -> 20), but the stage is not upstream's addition.
    expect(findingOf(fork.git, 'stage', 'docs')).toMatchObject({
      kind: 'stage-removed', side: 'both', commits: [short(fork.fixture.shas.docsNode)],
      message: 'fork removed stage "docs" (FROM node:20), which upstream changed since',
    });
  });

  it('reads the same from the hunks of a saved diff; compose is as before', () => {
    expect(messagesAt(fork.diffFile, 'dockerfile', 'Dockerfile')).toEqual([
      'ARG ALPINE_VERSION: 3.19 → 3.18 (downgrade)',
      'ARG DELVE_VERSION in stage "tools": 1.21.0 → (no default)',
      'ARG GO_VERSION in stage "release": 1.21 → 1.20 (downgrade)',
      'COPY --from=build in stage "debug" removed: COPY --from=build /out/gadget /usr/bin/gadget',
      'COPY --from=build in stage "debug" removed: COPY --link --from=build /src/gadget.yaml /etc/gadget.yaml',
      'global ARG DELVE_VERSION=1.20.2 added',
      'stage "docs" removed (was FROM node:20)',
    ]);
    expect(messagesAt(fork.git, 'dockerfile', 'docker-compose.yml')).toEqual(['upstream bumped image of service "cache" redis:7.2 → redis:7.4; fork still at redis:7.2']);
  });
});

describe('Go tests', () => {
  it('finds the removed test', () => {
    expect(messagesAt(fork.git, 'removed-tests', 'gadget_test.go')).toEqual(['fork removed test TestGadgetRetry']);
  });
});
