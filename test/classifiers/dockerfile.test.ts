import { describe, expect, it } from 'vitest';
import dockerfile from '../../src/classifiers/dockerfile.js';
import { classifyAll, gitContext, loadDiff, messages, parseDiff } from './helpers.js';

describe('dockerfile classifier (hunks only)', () => {
  it('reports base images per stage, ARG directions, commented-out stages and COPY --from, secret mounts and package managers', async () => {
    const findings = await classifyAll(dockerfile, await loadDiff('dockerfile.diff'));
    expect(messages(findings).sort()).toEqual([
      'ARG NODE_VERSION: 20.11.1 → 18.19.0 (downgrade)',
      'ARG PROTOC_VERSION: 25.1 → 3.21.12-0ubuntu1~22.04.1 (downgrade)',
      'COPY --from=debug-tools in stage "final" commented out: COPY --from=debug-tools /go/bin/dlv /usr/bin/dlv',
      'base image of stage "web": node:20.11.1-alpine → registry.access.redhat.com/ubi9/nodejs-18',
      'package manager of stage "release": yum → apk',
      'package manager of stage "web": apk → dnf',
      'secret mount "npmrc" added ("final")',
      'stage "docs" commented out (was FROM scratch)',
    ]);
    const stage = findings.find((finding) => finding.kind === 'stage-removed');
    expect(stage?.details).toMatchObject({ stage: 'docs', commentedOut: true });
    expect(findings.find((finding) => finding.kind === 'arg-changed')?.details).toMatchObject({ arg: 'NODE_VERSION', direction: 'downgrade' });
    expect(findings.every((finding) => finding.category === 'dockerfile' && finding.side === null)).toBe(true);
  });

  it('adds no stage rows for a new fork Dockerfile', async () => {
    const files = await parseDiff(`diff --git a/hack/Dockerfile b/hack/Dockerfile
new file mode 100644
--- /dev/null
+++ b/hack/Dockerfile
@@ -0,0 +1,2 @@
+FROM busybox AS build
+RUN echo hi
`);
    expect(await classifyAll(dockerfile, files)).toEqual([]);
  });

  it('reads whole files in git mode: stages of every instruction and unnamed stages by position among the unnamed', async () => {
    const files = await parseDiff(`diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -5,2 +5,2 @@
 WORKDIR /src
-RUN apk add git
+RUN apt-get install -y git
@@ -9,1 +9,1 @@
-FROM alpine:3.19
+FROM ubuntu:24.04
`);
    const upstream = 'FROM golang:1.22-alpine AS build\nARG X=1\n\n\nWORKDIR /src\nRUN apk add git\n\n\nFROM alpine:3.19\n';
    const fork = 'FROM golang:1.22-alpine AS build\nARG X=1\n\n\nWORKDIR /src\nRUN apt-get install -y git\n\n\nFROM ubuntu:24.04\n';
    const findings = await classifyAll(dockerfile, files, gitContext({ upstream: { Dockerfile: upstream }, fork: { Dockerfile: fork } }));
    expect(messages(findings).sort()).toEqual([
      'base image of stage "unnamed #1": alpine:3.19 → ubuntu:24.04',
      'package manager of stage "build": apk → apt',
    ]);
    // A named stage upstream put before the unnamed one does not renumber it.
    const withUbi = upstream.replace('FROM alpine:3.19\n', 'FROM ubi9:9.4 AS build-ubi\nRUN true\n\nFROM alpine:3.19\n');
    const renumbered = await classifyAll(dockerfile, files, gitContext({ upstream: { Dockerfile: withUbi }, fork: { Dockerfile: fork } }));
    expect(messages(renumbered).sort()).toEqual([
      'base image of stage "unnamed #1": alpine:3.19 → ubuntu:24.04',
      'package manager of stage "build": apk → apt',
      'stage "build-ubi" removed (was FROM ubi9:9.4)',
    ]);
  });

  it('reads an ARG one tip lacks and the merge base declared as removed there, which the other tip changed since', async () => {
    // openbao: upstream inlined ALPINE_VERSION (3.18.2 at the base) into its FROM lines; the fork bumped it to 3.22.0.
    // Upstream bumped GO_VERSION, which the fork dropped. TOOLS_VERSION is the fork's own.
    const upstream = 'ARG GO_VERSION=1.22\nFROM golang:${GO_VERSION} AS build\nFROM alpine:3.24.1\n';
    const fork = 'ARG ALPINE_VERSION=3.22.0\nARG TOOLS_VERSION=2\nFROM golang:1.21 AS build\nFROM alpine:${ALPINE_VERSION}\n';
    const base = 'ARG ALPINE_VERSION=3.18.2\nARG GO_VERSION=1.20\nFROM golang:${GO_VERSION} AS build\nFROM alpine:${ALPINE_VERSION}\n';
    const files = await parseDiff(`diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -1,3 +1,4 @@
-ARG GO_VERSION=1.22
-FROM golang:\${GO_VERSION} AS build
-FROM alpine:3.24.1
+ARG ALPINE_VERSION=3.22.0
+ARG TOOLS_VERSION=2
+FROM golang:1.21 AS build
+FROM alpine:\${ALPINE_VERSION}
`);
    const fact = (side: 'upstream' | 'fork') => ({ side, commits: [side === 'fork' ? 'f1' : 'u1'] });
    const lines = { upstream: new Map([[1, fact('upstream')], [3, fact('upstream')]]), fork: new Map([[1, fact('fork')], [2, fact('fork')], [3, fact('fork')]]) };
    const context = { ...gitContext({ upstream: { Dockerfile: upstream }, fork: { Dockerfile: fork }, base: { Dockerfile: base } }), linesOf: () => lines };
    const findings = await classifyAll(dockerfile, files, context);
    expect(messages(findings).filter((message) => message.includes('ARG')).sort()).toEqual([
      'fork added ARG TOOLS_VERSION=2',
      'fork removed ARG GO_VERSION (default 1.22), which upstream changed since',
      'upstream removed ARG ALPINE_VERSION=3.22.0, which the fork changed since',
    ]);
    // The fork's FROM line is the base's, but it reads the ARG the fork bumped: both moved that base image.
    expect(messages(findings)).toContain('both changed base image of stage "unnamed #1": upstream alpine:3.24.1, fork alpine:3.22.0');
    // The ARG says who moved it, not where it is: the row stays on a FROM line.
    expect(findings.find((finding) => finding.message.includes('unnamed #1'))).toMatchObject({ line: 3, lineIn: 'upstream', commits: ['f1', 'u1'] });
  });

  it('reads a stage upstream removed and the fork rebased as both sides\' moves, and one the fork added as its own', async () => {
    // The base had "legacy" on focal; upstream dropped it, the fork moved it to jammy. "ubuntu" is the fork's own stage.
    const base = 'FROM golang:1.22 AS build\nFROM ubuntu:20.04 AS legacy\n';
    const upstream = 'FROM golang:1.22 AS build\n';
    const fork = 'FROM golang:1.22 AS build\nFROM ubuntu:22.04 AS legacy\nFROM ubuntu:24.04 AS ubuntu\n';
    const files = await parseDiff(`diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -1,1 +1,3 @@
 FROM golang:1.22 AS build
+FROM ubuntu:22.04 AS legacy
+FROM ubuntu:24.04 AS ubuntu
`);
    const lines = { upstream: new Map(), fork: new Map([[2, { side: 'fork' as const, commits: ['f1'] }], [3, { side: 'fork' as const, commits: ['f2'] }]]) };
    const context = { ...gitContext({ upstream: { Dockerfile: upstream }, fork: { Dockerfile: fork }, base: { Dockerfile: base } }), linesOf: () => lines };
    expect(messages(await classifyAll(dockerfile, files, context)).sort()).toEqual([
      'fork added stage "ubuntu" (FROM ubuntu:24.04)',
      'upstream removed stage "legacy" (FROM ubuntu:22.04), which the fork changed since',
    ]);
  });

  it("keeps a COPY the fork has under its renamed product's names", async () => {
    const files = await parseDiff(`diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -3,2 +3,2 @@ FROM alpine:3.20 AS dev
-COPY --from=devbuild /build/vault-csi-provider /bin/
-COPY --from=devbuild /build/helper /bin/
+COPY --from=devbuild /build/openbao-csi-provider /bin/
+COPY --from=devbuild /build/helper2 /bin/
`);
    const upstream = 'FROM golang:1.22 AS devbuild\nFROM alpine:3.20 AS dev\nCOPY --from=devbuild /build/vault-csi-provider /bin/\nCOPY --from=devbuild /build/helper /bin/\n';
    const fork = 'FROM golang:1.22 AS devbuild\nFROM alpine:3.20 AS dev\nCOPY --from=devbuild /build/openbao-csi-provider /bin/\nCOPY --from=devbuild /build/helper2 /bin/\n';
    const context = { ...gitContext({ upstream: { Dockerfile: upstream }, fork: { Dockerfile: fork } }), translate: (text: string) => text.replaceAll('vault', 'openbao') };
    // The renamed binary is the same COPY; the helper the fork no longer copies is not.
    expect(messages(await classifyAll(dockerfile, files, context))).toEqual(['COPY --from=devbuild in stage "dev" removed: COPY --from=devbuild /build/helper /bin/']);
  });

  it('keeps a COPY the fork renamed only in part: some of its names the fork\'s, some still upstream\'s', async () => {
    // cherrypick: `/misskey/packages/misskey-reversi/built` became `/cherrypick/packages/misskey-reversi/built`.
    const files = await parseDiff(`diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -3,1 +3,1 @@ FROM node:22 AS runner
-COPY --chown=misskey:misskey --from=native-builder /misskey/packages/misskey-reversi/built ./packages/misskey-reversi/built
+COPY --chown=cherrypick:cherrypick --from=native-builder /cherrypick/packages/misskey-reversi/built ./packages/misskey-reversi/built
`);
    const stages = 'FROM node:22 AS native-builder\nFROM node:22 AS runner\n';
    const upstream = `${stages}COPY --chown=misskey:misskey --from=native-builder /misskey/packages/misskey-reversi/built ./packages/misskey-reversi/built\n`;
    const fork = `${stages}COPY --chown=cherrypick:cherrypick --from=native-builder /cherrypick/packages/misskey-reversi/built ./packages/misskey-reversi/built\n`;
    const audit = (translate: (text: string) => string) =>
      classifyAll(dockerfile, files, { ...gitContext({ upstream: { Dockerfile: upstream }, fork: { Dockerfile: fork } }), translate });
    expect(messages(await audit((text) => text.replaceAll('misskey', 'cherrypick')))).toEqual([]);
    expect(messages(await audit((text) => text))).toEqual([
      'COPY --from=native-builder in stage "runner" removed: COPY --chown=misskey:misskey --from=native-builder /misskey/packages/misskey-reversi/built ./packages/misskey-reversi/built',
    ]);
  });

  it("pairs a stage the fork renamed with its product, and compares what is inside it", async () => {
    // cowsql's Dockerfile: dqlite's `dqlite-lib-builder`, renamed; the fork moved GO_VERSION on its own.
    const upstream = 'FROM ubuntu AS dqlite-lib-builder\nARG DEBIAN_FRONTEND="noninteractive"\nARG GO_VERSION=1.15\nRUN apt-get install -y git\n' +
      'FROM ubuntu\nCOPY --from=dqlite-lib-builder /go/bin /opt/\nCOPY --from=dqlite-lib-builder /usr/local/lib /usr/local/lib\n';
    const fork = upstream.replaceAll('dqlite', 'cowsql').replace('GO_VERSION=1.15', 'GO_VERSION=1.22').replace('COPY --from=cowsql-lib-builder /usr/local/lib /usr/local/lib\n', '');
    const files = await parseDiff(`diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -1,7 +1,6 @@
-FROM ubuntu AS dqlite-lib-builder
+FROM ubuntu AS cowsql-lib-builder
 ARG DEBIAN_FRONTEND="noninteractive"
-ARG GO_VERSION=1.15
+ARG GO_VERSION=1.22
 RUN apt-get install -y git
 FROM ubuntu
-COPY --from=dqlite-lib-builder /go/bin /opt/
-COPY --from=dqlite-lib-builder /usr/local/lib /usr/local/lib
+COPY --from=cowsql-lib-builder /go/bin /opt/
`);
    const audit = (translate: (text: string) => string) =>
      classifyAll(dockerfile, files, { ...gitContext({ upstream: { Dockerfile: upstream }, fork: { Dockerfile: fork }, base: { Dockerfile: upstream } }), translate });
    expect(messages(await audit((text) => text.replaceAll('dqlite', 'cowsql'))).sort()).toEqual([
      'ARG GO_VERSION in stage "cowsql-lib-builder": 1.15 → 1.22 (upgrade)',
      'COPY --from=dqlite-lib-builder in stage "unnamed #1" removed: COPY --from=dqlite-lib-builder /usr/local/lib /usr/local/lib',
    ]);
    // Without the product's rename learnt, the stage reads as removed and added, as before.
    expect(messages(await audit((text) => text)).sort()).toEqual([
      'ARG DEBIAN_FRONTEND=noninteractive in stage "cowsql-lib-builder" added',
      'ARG GO_VERSION=1.22 in stage "cowsql-lib-builder" added',
      'COPY --from=dqlite-lib-builder in stage "unnamed #1" removed: COPY --from=dqlite-lib-builder /go/bin /opt/',
      'COPY --from=dqlite-lib-builder in stage "unnamed #1" removed: COPY --from=dqlite-lib-builder /usr/local/lib /usr/local/lib',
      'stage "cowsql-lib-builder" added (FROM ubuntu)',
      'stage "dqlite-lib-builder" removed (was FROM ubuntu)',
    ]);
  });

  it('fingerprints survive line shifts', async () => {
    const diff = (start: number) => `diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -${start},1 +${start},1 @@
-ARG GO_VERSION=1.22
+ARG GO_VERSION=1.21
`;
    const [a] = await classifyAll(dockerfile, await parseDiff(diff(3)));
    const [b] = await classifyAll(dockerfile, await parseDiff(diff(30)));
    expect(a?.fingerprint).toBeDefined();
    expect(a?.fingerprint).toBe(b?.fingerprint);
  });
});

describe('dockerfile classifier: scopes', () => {
  it('tells a global ARG from a stage ARG of the same name, in the hunks of a saved diff', async () => {
    const files = await parseDiff(`diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -1,3 +1,3 @@
 ARG GO_VERSION=1.22
-ARG ALPINE_VERSION=3.19
+ARG ALPINE_VERSION=3.18
 FROM golang:\${GO_VERSION}-alpine AS build
@@ -20,3 +20,4 @@ FROM alpine AS release
 WORKDIR /app
-ARG GO_VERSION=1.22
+ARG GO_VERSION=1.21
+ARG APPRISE_VERSION=1.9.7
 COPY --from=build /out/app /app
`);
    expect(messages(await classifyAll(dockerfile, files)).sort()).toEqual([
      'ARG ALPINE_VERSION: 3.19 → 3.18 (downgrade)',
      'ARG APPRISE_VERSION=1.9.7 in stage "release" added',
      'ARG GO_VERSION in stage "release": 1.22 → 1.21 (downgrade)',
    ]);
  });

  it('reads an ARG default that goes on past a line ending in a backslash, comment lines left out; not one a hunk cut', async () => {
    // paperless-ngx lists its build packages an ARG line each.
    const files = await parseDiff(`diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -20,2 +20,7 @@ FROM python:3.9-slim AS main-app
 WORKDIR /usr/src/paperless
-ARG BUILD_PACKAGES="build-essential"
+ARG BUILD_PACKAGES="\\
+  build-essential \\
+  # headers for psycopg2
+  python3-dev"
+ARG RUNTIME_PACKAGES="\\
+  curl \\
`);
    // RUNTIME_PACKAGES goes on past the hunk: a part of it is no value to compare (before, it read as `\\`).
    expect(messages(await classifyAll(dockerfile, files)).sort()).toEqual([
      'ARG BUILD_PACKAGES in stage "main-app": build-essential → build-essential python3-dev',
    ]);
  });

  it('keys COPY --from by stage: the copy one stage keeps does not hide the one another stage dropped', async () => {
    const files = await parseDiff(`diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -10,7 +10,6 @@ FROM alpine AS debug
 RUN apk add gdb
-COPY --from=build /out/app /app
 
 FROM alpine AS release
 COPY --from=build /out/app /app
`);
    const [finding, ...others] = await classifyAll(dockerfile, files);
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ kind: 'copy-from-removed', details: { stage: 'debug' } });
  });

  it('reads whole files in git mode: a stage ARG moved to the global scope says so', async () => {
    const files = await parseDiff(`diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -1,3 +1,3 @@
-FROM alpine AS tools
-ARG DELVE=1.21
+ARG DELVE=1.20
+FROM alpine AS tools
 RUN echo $DELVE
`);
    const context = gitContext({
      upstream: { Dockerfile: 'FROM alpine AS tools\nARG DELVE=1.21\nRUN echo $DELVE\n' },
      fork: { Dockerfile: 'ARG DELVE=1.20\nFROM alpine AS tools\nRUN echo $DELVE\n' },
    });
    expect(messages(await classifyAll(dockerfile, files, context))).toEqual(['ARG DELVE: 1.21 (stage "tools") → 1.20 (global) (downgrade)']);
  });
});
