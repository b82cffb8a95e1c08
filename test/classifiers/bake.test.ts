import { describe, expect, it } from 'vitest';
import dockerfile from '../../src/classifiers/dockerfile.js';
import { classifyAll, gitContext, messages, parseDiff } from './helpers.js';

describe('bake files (dockerfile category)', () => {
  it('from hunks: variable and arg pins with their direction, a commented-out target, secrets passed', async () => {
    const files = await parseDiff(`diff --git a/docker-bake.hcl b/docker-bake.hcl
--- a/docker-bake.hcl
+++ b/docker-bake.hcl
@@ -1,3 +1,3 @@
 variable "CONTAINERD_VERSION" {
-  default = "v1.6.21"
+  default = "v1.6.18"
 }
@@ -10,5 +10,8 @@ target "binaries" {
   args = {
-    RUNC_VERSION = "v1.1.5"
+    RUNC_VERSION = "v1.1.3"
     GO_VERSION = "1.20"
   }
+  secret = [
+    "id=ARTIFACTORY_TOKEN,env=ARTIFACTORY_TOKEN",
+  ]
 }
@@ -20 +23 @@ target "binaries" {
-target "integration-tests" {
+# target "integration-tests" {
`);
    const findings = await classifyAll(dockerfile, files);
    expect(messages(findings).sort()).toEqual([
      'arg RUNC_VERSION of target "binaries": v1.1.5 → v1.1.3 (downgrade)',
      'secret "ARTIFACTORY_TOKEN" passed to target "binaries"',
      'target "integration-tests" commented out',
      'variable CONTAINERD_VERSION: v1.6.21 → v1.6.18 (downgrade)',
    ]);
    expect(findings.find((finding) => finding.kind === 'variable-changed')?.details).toMatchObject({ variable: 'CONTAINERD_VERSION', direction: 'downgrade' });
  });

  it('a new fork bake file adds no target rows, but its secrets count', async () => {
    const files = await parseDiff(`diff --git a/hack/docker-bake.hcl b/hack/docker-bake.hcl
new file mode 100644
--- /dev/null
+++ b/hack/docker-bake.hcl
@@ -0,0 +1,4 @@
+target "buildkit" {
+  context = "../../"
+  secret = ["id=APT_AUTH_CONF", "id=GPG_KEY"]
+}
`);
    expect(messages(await classifyAll(dockerfile, files)).sort()).toEqual([
      'secret "APT_AUTH_CONF" passed to target "buildkit"',
      'secret "GPG_KEY" passed to target "buildkit"',
    ]);
  });

  it('from whole files in git mode: targets removed, renamed and added', async () => {
    const upstream = 'target "a" {\n  context = "."\n}\n\ntarget "b" {\n}\n';
    const fork = 'target "a" {\n  context = "."\n}\n\ntarget "c" {\n}\n';
    const files = await parseDiff(`diff --git a/docker-bake.hcl b/docker-bake.hcl
--- a/docker-bake.hcl
+++ b/docker-bake.hcl
@@ -5 +5 @@ target "a" {
-target "b" {
+target "c" {
`);
    const findings = await classifyAll(dockerfile, files, gitContext({ upstream: { 'docker-bake.hcl': upstream }, fork: { 'docker-bake.hcl': fork } }));
    expect(messages(findings).sort()).toEqual(['target "b" removed', 'target "c" added']);
  });
});
