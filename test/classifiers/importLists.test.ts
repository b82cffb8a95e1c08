import { describe, expect, it } from 'vitest';
import { importListLines } from '../../src/classifiers/fixes/importLists.js';
import revertedFixes from '../../src/classifiers/reverted-fixes.js';
import { classifyAll, gitContext, parseDiff } from './helpers.js';

/** The texts of the lines importListLines marks, in order. */
const marked = async (diff: string): Promise<string[]> => {
  const [file] = await parseDiff(diff);
  const hunk = file?.hunks[0];
  if (!hunk) throw new Error('no hunk');
  return [...importListLines(hunk)].map((index) => hunk.lines[index]?.content.trim() ?? '');
};

/** incusui's ClusterRestrictionForm.tsx: a fix commit trimmed upstream's list; the fork imports from elsewhere. */
const TRIMMED_LIST = `diff --git a/src/Form.tsx b/src/Form.tsx
--- a/src/Form.tsx
+++ b/src/Form.tsx
@@ -1,4 +1,1 @@
-import type {
-  ClusterRestrictionFormValues,
-  ProjectFormValues,
-} from "types/forms/project";
+import type { ProjectFormValues } from "pages/projects/CreateProject";
`;

describe('importListLines', () => {
  it('marks the names of a multi-line import or export list whose opening line the hunk shows', async () => {
    expect(await marked(`diff --git a/netbox/circuits/api/serializers_/circuits.py b/netbox/circuits/api/serializers_/circuits.py
--- a/netbox/circuits/api/serializers_/circuits.py
+++ b/netbox/circuits/api/serializers_/circuits.py
@@ -1,9 +1,4 @@
-from circuits.models import (
-    Circuit,
-    CircuitGroup,
-)
+from circuits.models import Circuit, CircuitGroup
 __all__ = (
-    'CircuitGroupSerializer',
     'CircuitSerializer',
 )
`)).toEqual(['Circuit,', 'CircuitGroup,', "'CircuitGroupSerializer',", "'CircuitSerializer',"]);
  });

  it("marks the names before a `} from` the hunk starts inside of, and never a call's arguments", async () => {
    expect(await marked(`diff --git a/src/Form.tsx b/src/Form.tsx
--- a/src/Form.tsx
+++ b/src/Form.tsx
@@ -3,6 +3,4 @@
   Button,
-  Modal,
-  type ModalProps,
 } from '@canonical/react-components';
 const close = useModal(
-  onClose,
 );
`)).toEqual(['Button,', 'Modal,', 'type ModalProps,', "} from '@canonical/react-components';"]);
  });

  it('marks the `} from` line of a list the hunk opens, which is no more than the import it ends', async () => {
    expect(await marked(TRIMMED_LIST)).toEqual(['ClusterRestrictionFormValues,', 'ProjectFormValues,', '} from "types/forms/project";']);
  });

  it('reads no missing fix in a list a fix commit rewrote, its `} from` line included', async () => {
    const context = {
      ...gitContext({}),
      linesOf: () => ({ upstream: new Map([1, 2, 3, 4].map((line) => [line, { side: 'upstream' as const, commits: ['8d1e0c2a'] }])), fork: new Map() }),
      commitSubject: () => 'fix(cluster): restrict projects to cluster groups',
    };
    expect(await classifyAll(revertedFixes, await parseDiff(TRIMMED_LIST), context)).toEqual([]);
  });

  it("marks the names a Vue component registers, not an object's other entries", async () => {
    // uptime-kuma's Discord.vue: the fork dropped a component upstream registers.
    expect(await marked(`diff --git a/src/components/notifications/Discord.vue b/src/components/notifications/Discord.vue
--- a/src/components/notifications/Discord.vue
+++ b/src/components/notifications/Discord.vue
@@ -20,8 +20,6 @@ export default {
     components: {
         TemplatedTextarea,
-        HiddenInput,
     },
     data: {
-        HiddenInput,
-        retries,
     },
`)).toEqual(['TemplatedTextarea,', 'HiddenInput,']);
  });

  it('marks a CommonJS list, its `const {` and `} = require(…)` too, once its closer shows it is one', async () => {
    // uptime-kuma's server/server.js: the hunk starts inside the list.
    expect(await marked(`diff --git a/server/server.js b/server/server.js
--- a/server/server.js
+++ b/server/server.js
@@ -90,7 +90,5 @@
     doubleCheckPassword,
-    shake256,
-    SHAKE256_LENGTH,
     allowDevAllOrigin,
-    printServerUrls,
 } = require("./util-server");
 const {
-    a,
 } = props;
 const {
-    b,
 } = require("./b").promises;
`)).toEqual(['doubleCheckPassword,', 'shake256,', 'SHAKE256_LENGTH,', 'allowDevAllOrigin,', 'printServerUrls,', '} = require("./util-server");', 'const {', 'b,', '} = require("./b").promises;']);
  });
});

describe('reverted-fixes and import lists', () => {
  it('reads no missing fix in names a fix commit moved between import lines, and keeps them beside lines it does lack', async () => {
    // netbox's 945e7ade "Fixes #21407: Enable I (isort) and stabilize import ordering" re-sorted imports.
    const diff = `diff --git a/netbox/circuits/api/serializers_/circuits.py b/netbox/circuits/api/serializers_/circuits.py
--- a/netbox/circuits/api/serializers_/circuits.py
+++ b/netbox/circuits/api/serializers_/circuits.py
@@ -1,10 +1,5 @@
 from circuits.models import (
-    CircuitGroup,
-    CircuitGroupAssignment,
     Circuit,
 )
 def get(self, obj):
-    if obj is None:
-        return None
     return obj.name
`;
    const [file] = await parseDiff(diff);
    const context = {
      ...gitContext({}),
      linesOf: () => ({ upstream: new Map([2, 3, 7, 8].map((line) => [line, { side: 'upstream' as const, commits: ['945e7ade'] }])), fork: new Map() }),
      commitSubject: () => 'Fixes #21407: Enable I (isort) and stabilize import ordering (#21458)',
    };
    const findings = await classifyAll(revertedFixes, [file!], context);
    // The nil check makes the finding; the names stay in its evidence (its identity, as before the rule) and lead nothing.
    expect(findings.map((finding) => [finding.details['evidence'], finding.details['signals'], finding.message])).toEqual([[
      ['CircuitGroup,', 'CircuitGroupAssignment,', 'if obj is None:', 'return None'],
      ['nil-check', 'early-exit', 'fix-commit'],
      'fork lacks upstream nil check: if obj is None: return None (+2 more lines)',
    ]]);
    const importsOnly = diff.split('\n').slice(0, 10).join('\n') + '\n';
    expect(await classifyAll(revertedFixes, await parseDiff(importsOnly), context)).toEqual([]);
  });

  it('reads no missing fix in CommonJS requires a fix commit dropped, and keeps them beside lines it does lack', async () => {
    // uptime-kuma's f1b717d2 and 1de27600 dropped requires that were no longer used.
    const diff = `diff --git a/server/setup-database.js b/server/setup-database.js
--- a/server/setup-database.js
+++ b/server/setup-database.js
@@ -1,9 +1,6 @@
 const fs = require("fs");
-const dayjs = require("dayjs");
-const { allowDevAllOrigin, printServerUrls } = require("./util-server");
-const {
-    isSSL,
-} = require("./config");
+const { allowDevAllOrigin } = require("./util-server");
 function setup(db) {
-    if (db == null) {
-        return;
-    }
`;
    const [file] = await parseDiff(diff);
    const context = {
      ...gitContext({}),
      linesOf: () => ({ upstream: new Map([2, 3, 4, 5, 6, 8, 9, 10].map((line) => [line, { side: 'upstream' as const, commits: ['1de27600'] }])), fork: new Map() }),
      commitSubject: () => 'Fix: drop unused imports (#6001)',
    };
    const findings = await classifyAll(revertedFixes, [file!], context);
    expect(findings.map((finding) => [finding.details['evidence'], finding.message])).toEqual([[
      ['const dayjs = require("dayjs");', 'const { allowDevAllOrigin, printServerUrls } = require("./util-server");', 'const {', 'isSSL,', '} = require("./config");', 'if (db == null) {', 'return;'],
      'fork lacks upstream nil check: if (db == null) { return; } (+5 more lines)',
    ]]);
    const requiresOnly = diff.split('\n').slice(0, 12).join('\n') + '\n';
    expect(await classifyAll(revertedFixes, await parseDiff(requiresOnly), context)).toEqual([]);
  });
});
