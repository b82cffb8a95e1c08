import { describe, expect, it } from 'vitest';
import dockerfile from '../../src/classifiers/dockerfile.js';
import { readCompose } from '../../src/classifiers/dockerfile/compose.js';
import { classifyAll, gitContext, messages, parseDiff } from './helpers.js';

const upstream = `services:
  db:
    image: postgres:16.2
  cache:
    image: "redis:7"
  app:
    build:
      context: .
    image: ghcr.io/acme/app:1.4
  worker:
    image: ghcr.io/acme/worker:1.4
x-defaults:
  image: busybox
`;

describe('compose files (dockerfile category)', () => {
  it('reads services and images, nested keys and quotes included, and nothing outside services', () => {
    const lines = upstream.split('\n');
    const model = readCompose([{ lines, numbers: lines.map((_, index) => index + 1) }], true);
    expect([...model.services].map(([service, { image }]) => [service, image])).toEqual([
      ['db', 'postgres:16.2'],
      ['cache', 'redis:7'],
      ['app', 'ghcr.io/acme/app:1.4'],
      ['worker', 'ghcr.io/acme/worker:1.4'],
    ]);
  });

  it('from hunks: image changes with their direction, and a commented-out service', async () => {
    const files = await parseDiff(`diff --git a/docker-compose.yml b/docker-compose.yml
--- a/docker-compose.yml
+++ b/docker-compose.yml
@@ -1,11 +1,11 @@
 services:
   db:
-    image: postgres:16.2
+    image: postgres:14.11
   cache:
-    image: "redis:7"
+    image: "registry.internal:5000/redis:7"
   app:
     build:
       context: .
     image: ghcr.io/acme/app:1.4
-  worker:
-    image: ghcr.io/acme/worker:1.4
+#  worker:
+#    image: ghcr.io/acme/worker:1.4
`);
    const findings = await classifyAll(dockerfile, files);
    expect(messages(findings).sort()).toEqual([
      'image of service "cache": redis:7 → registry.internal:5000/redis:7',
      'image of service "db": postgres:16.2 → postgres:14.11 (downgrade)',
      'service "worker" commented out (was image ghcr.io/acme/worker:1.4)',
    ]);
    expect(findings.find((finding) => finding.kind === 'image-changed' && finding.details['service'] === 'db')?.details).toMatchObject({ direction: 'downgrade' });
  });

  it('from hunks: says nothing of services whose image line is out of view', async () => {
    const files = await parseDiff(`diff --git a/compose.yaml b/compose.yaml
--- a/compose.yaml
+++ b/compose.yaml
@@ -8,3 +8,2 @@ services:
     environment:
-      DEBUG: "1"
       LOG: info
`);
    expect(await classifyAll(dockerfile, files)).toEqual([]);
  });

  it('from whole files in git mode: services removed and added as well', async () => {
    const fork = upstream.replace('  worker:\n    image: ghcr.io/acme/worker:1.4\n', '  metrics:\n    image: prom/prometheus:v2.51.0\n').replace('app:1.4', 'app:1.5');
    const files = await parseDiff(`diff --git a/compose.yaml b/compose.yaml
--- a/compose.yaml
+++ b/compose.yaml
@@ -9,4 +9,4 @@ services:
-    image: ghcr.io/acme/app:1.4
-  worker:
-    image: ghcr.io/acme/worker:1.4
+    image: ghcr.io/acme/app:1.5
+  metrics:
+    image: prom/prometheus:v2.51.0
`);
    const findings = await classifyAll(dockerfile, files, gitContext({ upstream: { 'compose.yaml': upstream }, fork: { 'compose.yaml': fork } }));
    expect(messages(findings).sort()).toEqual([
      'image of service "app": ghcr.io/acme/app:1.4 → ghcr.io/acme/app:1.5 (upgrade)',
      'service "metrics" added (image prom/prometheus:v2.51.0)',
      'service "worker" removed (was image ghcr.io/acme/worker:1.4)',
    ]);
  });

  it('reads a service the fork renamed with its product as the same service, its image compared', async () => {
    // cherrypick's test-federation compose files: misskey's `misskey.a.test` is its `cherrypick.a.test`.
    const renamed = upstream.replace('  worker:\n    image: ghcr.io/acme/worker:1.4\n', '  drudge:\n    image: ghcr.io/acme/worker:1.5\n');
    const files = await parseDiff(`diff --git a/compose.yaml b/compose.yaml
--- a/compose.yaml
+++ b/compose.yaml
@@ -10,3 +10,3 @@ services:
-  worker:
-    image: ghcr.io/acme/worker:1.4
+  drudge:
+    image: ghcr.io/acme/worker:1.5
`);
    const audit = (translate: (text: string) => string) =>
      classifyAll(dockerfile, files, { ...gitContext({ upstream: { 'compose.yaml': upstream }, fork: { 'compose.yaml': renamed } }), translate });
    expect(messages(await audit((text) => text.replaceAll('worker', 'drudge')))).toEqual([
      'image of service "worker": ghcr.io/acme/worker:1.4 → ghcr.io/acme/worker:1.5 (upgrade)',
    ]);
    // Without the rename learnt, one service went and another came.
    expect(messages(await audit((text) => text)).sort()).toEqual([
      'service "drudge" added (image ghcr.io/acme/worker:1.5)',
      'service "worker" removed (was image ghcr.io/acme/worker:1.4)',
    ]);
  });
});
