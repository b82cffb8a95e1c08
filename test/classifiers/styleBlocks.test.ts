import { describe, expect, it } from 'vitest';
import { styleBlockLines } from '../../src/classifiers/fixes/styleBlocks.js';
import revertedFixes from '../../src/classifiers/reverted-fixes.js';
import { classifyAll, gitContext, parseDiff } from './helpers.js';

describe('styleBlockLines', () => {
  it('numbers the lines of top-level <style> blocks, tags included, and nothing in <template> or <script>', () => {
    expect([...styleBlockLines([
      '<template>', //                                          1
      '  <div :style="{ margin: 0 }">x</div>', //               2
      '</template>', //                                         3
      '<script>', //                                            4
      'const style = "<style>";', //                            5
      '</script>', //                                           6
      '<style scoped lang="scss">', //                          7
      '.bottom-style {', //                                     8
      '    margin-left: -10px;', //                             9
      '}', //                                                  10
      '</style>', //                                           11
      '<style>', //                                            12
      'a { color: red; }', //                                  13
    ].join('\n'))]).toEqual([7, 8, 9, 10, 11, 12, 13]);
  });
});

describe('reverted-fixes on components in git mode', () => {
  // uptime-kuma's MonitorListItem.vue: a fix commit's style rule, beside a guard in the script.
  const upstream = [
    '<script>', //                         1
    'export default {', //                 2
    '    methods: {', //                   3
    '        select(item) {', //           4
    '            if (item == null) {', //  5
    '                return;', //          6
    '            }', //                    7
    '            this.selected = item;', // 8
    '        },', //                       9
    '    },', //                          10
    '};', //                              11
    '</script>', //                       12
    '', //                                13
    '<style scoped>', //                  14
    '.item { color: red; }', //           15
    '', //                                16
    '.bottom-style {', //                 17
    '    margin-left: -10px;', //         18
    '    margin-top: 5px;', //            19
    '}', //                               20
    '</style>', //                        21
  ].join('\n');
  const diff = `diff --git a/src/components/MonitorListItem.vue b/src/components/MonitorListItem.vue
--- a/src/components/MonitorListItem.vue
+++ b/src/components/MonitorListItem.vue
@@ -4,6 +4,3 @@ export default {
         select(item) {
-            if (item == null) {
-                return;
-            }
             this.selected = item;
         },
     },
@@ -16,5 +13,0 @@ export default {
-
-.bottom-style {
-    margin-left: -10px;
-    margin-top: 5px;
-}
`;
  const context = (files: Record<string, string>) => ({
    ...gitContext({ upstream: files }),
    linesOf: () => ({ upstream: new Map([5, 6, 7, 17, 18, 19, 20].map((line) => [line, { side: 'upstream' as const, commits: ['5ad0c7e1'] }])), fork: new Map() }),
    commitSubject: () => 'fix: monitor list layout on small screens',
  });

  it('reads a style rule as no fix the fork lacks, and the guard in the script as one', async () => {
    const findings = await classifyAll(revertedFixes, await parseDiff(diff), context({ 'src/components/MonitorListItem.vue': upstream }));
    expect(findings.map((finding) => finding.message)).toEqual(['fork lacks upstream nil check: if (item == null) { return; }']);
    // Without the whole file, the rule reads as a fix commit's lines too.
    const blind = await classifyAll(revertedFixes, await parseDiff(diff), context({}));
    expect(blind.map((finding) => finding.message).sort()).toEqual([
      'fork lacks upstream fix: .bottom-style { margin-left: -10px; margin-top: 5px; }',
      'fork lacks upstream nil check: if (item == null) { return; }',
    ]);
  });
});
