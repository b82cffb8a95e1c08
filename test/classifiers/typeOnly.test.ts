import { describe, expect, it } from 'vitest';
import { isTypeOnlyLine, isTypeScriptPath } from '../../src/classifiers/fixes/typeOnly.js';
import revertedFixes from '../../src/classifiers/reverted-fixes.js';
import { classifyAll, diffFileContext, gitContext, parseDiff } from './helpers.js';

describe('isTypeOnlyLine', () => {
  it("reads an interface's or type alias's head, and members and methods declared without a value", () => {
    const types = [
      'interface Props {',
      'export interface LxdUsedBy extends Base<T> {',
      'export declare interface Window {',
      'type Mode = "a" | "b";',
      'export type LoadingTypes =',
      'export type EventQueue = ReactComponentEventQueue<LxdEvent | LxdOperation>;',
      'type Pair<A, B> = [A, B];',
      'className?: string;',
      'onClose?: () => void;',
      'formik: InstanceAndProfileFormikProps;',
      'readonly id: number;',
      'private cache!: Map<string, T>;',
      '"aria-label"?: string;',
      '[key: string]: unknown;',
      'getName(): string;',
      'on?(event: string, cb: Handler): void;',
      'compare<T>(a: T, b: T): number;',
      "network?: string; // the network's name",
      'sep: ";";',
    ];
    expect(types.filter((line) => !isTypeOnlyLine(line))).toEqual([]);
  });

  it('leaves alone every line that runs: statements, entries, initialised fields, calls', () => {
    const code = [
      'default: return null;',
      'case 1: return x;',
      'network: resource.network,',
      'count: number = 0;',
      'count: number = 0; // from the start',
      'private timeout: number = DEFAULT;',
      'handler: Handler = () => {};',
      'f(a ? b() : c);',
      'return data;',
      'const type = "x";',
      'type = next;',
      '| "Migrating"',
      'if (x) {',
      'label: while (true) {',
      'await save(project): void;',
    ];
    expect(code.filter(isTypeOnlyLine)).toEqual([]);
  });

  it('knows TypeScript sources by name', () => {
    expect(['a.ts', 'a.tsx', 'a.mts', 'a.cts', 'a.js', 'a.jsx', 'a.py', 'a.vue', 'a.ts.orig'].filter(isTypeScriptPath)).toEqual(['a.ts', 'a.tsx', 'a.mts', 'a.cts']);
  });
});

describe('reverted-fixes and TypeScript types', () => {
  // incusui's DeleteProfileBtn.tsx: a fix commit's new props, and the destructuring that takes them.
  const diff = (path: string): string => `diff --git a/${path} b/${path}
--- a/${path}
+++ b/${path}
@@ -18,12 +18,8 @@
 interface Props {
   profile: LxdProfile;
   project: string;
-  className?: string;
-  onClose?: () => void;
 }
 
-const DeleteProfileBtn: FC<Props> = ({
-  profile,
-  className,
-}) => {
+const DeleteProfileBtn: FC<Props> = ({ profile }) => {
   const notify = useNotify();
`;
  const context = (lines: number[]) => ({
    ...gitContext({}),
    linesOf: () => ({ upstream: new Map(lines.map((line) => [line, { side: 'upstream' as const, commits: ['6072a141'] }])), fork: new Map() }),
    commitSubject: () => 'fix(profiles): close the copy modal on delete',
  });
  const typesOnly = (path: string): string => diff(path).split('\n').slice(0, 10).join('\n') + '\n';

  it('reads no missing fix in types a fix commit declared, and keeps them beside code it does lack', async () => {
    const findings = await classifyAll(revertedFixes, await parseDiff(diff('src/DeleteProfileBtn.tsx')), context([21, 22, 25, 26, 27, 28]));
    // The destructuring makes the finding, at its own lines; the props stay in its evidence (its identity) and lead nothing.
    expect(findings.map((finding) => [finding.details['evidence'], finding.line, finding.message])).toEqual([[
      ['className?: string;', 'onClose?: () => void;', 'const DeleteProfileBtn: FC<Props> = ({', 'profile,', 'className,', '}) => {'],
      26, // the fork kept `const DeleteProfileBtn: FC<Props> = ({`, re-flowed
      'fork lacks upstream fix: const DeleteProfileBtn: FC<Props> = ({ profile, className, }) => { (+2 more lines)',
    ]]);
    expect(await classifyAll(revertedFixes, await parseDiff(typesOnly('src/DeleteProfileBtn.tsx')), context([21, 22]))).toEqual([]);
  });

  it('reads types only in TypeScript', async () => {
    // The same shape in a Python file is a dict's entries, say, and is left to the other rules.
    expect(await classifyAll(revertedFixes, await parseDiff(typesOnly('src/delete_profile.py')), context([21, 22]))).toHaveLength(1);
  });

  it('reads types in a saved diff too, which needs no whole file', async () => {
    // A lacked nil check beside a type: the type is context there as in git mode, so the finding is at the check.
    const saved = `diff --git a/src/api.ts b/src/api.ts
--- a/src/api.ts
+++ b/src/api.ts
@@ -3,6 +3,3 @@
-  network?: string;
-  if (resource === null) {
-    return;
-  }
+  const pool = resource.pool;
   return resource;
 }
`;
    const findings = await classifyAll(revertedFixes, await parseDiff(saved), diffFileContext());
    expect(findings.map((finding) => [finding.line, finding.message])).toEqual([[4, 'fork lacks upstream nil check: if (resource === null) { return; } (+1 more line)']]);
  });
});
