import { describe, expect, it } from 'vitest';
import { parseGoModLine } from '../../src/versions/goModLines.js';
import { parsePep508 } from '../../src/classifiers/deps/pep508.js';
import { isRange } from '../../src/versions/ranges.js';
import { parseRequirementLine } from '../../src/classifiers/deps/requirements.js';
import { directionOf } from '../../src/classifiers/deps/versionDirection.js';
import vendoredDeps from '../../src/classifiers/vendored-deps.js';
import { classifyAll, gitContext, messages, parseDiff } from './helpers.js';

describe('go.mod lines', () => {
  it('reads a requirement whatever comment follows it, and `// indirect` only as go means it', () => {
    expect(parseGoModLine('\tgithub.com/docker/docker v23.0.7-0.20230714215826-0cae31c7dd6e+incompatible // v23.0.7-dev', 'require')).toEqual({
      kind: 'require', name: 'github.com/docker/docker', version: 'v23.0.7-0.20230714215826-0cae31c7dd6e+incompatible',
    });
    expect(parseGoModLine('require golang.org/x/sys v0.9.0 // pinned; indirect later')).toMatchObject({ version: 'v0.9.0' });
    expect(parseGoModLine('require golang.org/x/sys v0.9.0 // pinned; indirect later')?.note).toBeUndefined();
    expect(parseGoModLine('\tgithub.com/pkg/errors v0.9.1 // indirect; used by tests', 'require')?.note).toBe('indirect');
    expect(parseGoModLine('\t"github.com/quoted/path" v1.0.0', 'require')?.name).toBe('github.com/quoted/path');
  });

  it('never reads exclude or retract lines, in or out of blocks', () => {
    expect(parseGoModLine('\tgithub.com/docker/docker v24.0.0+incompatible', 'exclude')).toBeNull();
    expect(parseGoModLine('exclude github.com/docker/docker v24.0.0+incompatible')).toBeNull();
    expect(parseGoModLine('\tv1.0.1 // published by mistake', 'retract')).toBeNull();
    expect(parseGoModLine('replace github.com/a/b v1.0.0 => ../b // local checkout')).toMatchObject({ kind: 'replace', name: 'github.com/a/b@v1.0.0', version: '../b' });
  });

  it('reads a whole go.mod in git mode, where a hunk may not show its block', async () => {
    const files = await parseDiff(`diff --git a/go.mod b/go.mod
--- a/go.mod
+++ b/go.mod
@@ -9,2 +9,2 @@
-	github.com/a/b v1.0.0
+	github.com/a/b v1.1.0
`);
    const text = (version: string): string => `module x\n\ngo 1.21\n\nrequire github.com/c/d v1.0.0\n\nexclude (\n\tgithub.com/z/z v9.0.0\n\tgithub.com/a/b ${version}\n)\n`;
    const context = gitContext({ upstream: { 'go.mod': text('v1.0.0') }, fork: { 'go.mod': text('v1.1.0') } });
    // Both tips exclude a different version: no requirement moved.
    expect(await classifyAll(vendoredDeps, files, context)).toEqual([]);
    expect(messages(await classifyAll(vendoredDeps, files))).toEqual(['github.com/a/b: v1.0.0 → v1.1.0 (upgrade)']);
  });
});

describe('Python requirements', () => {
  it('parses PEP 508 with extras, a full specifier set and a marker', () => {
    expect(parsePep508('Requests[socks,security] >=2.5, <2.61 ; python_version > "3.8"')).toEqual({
      name: 'requests', version: '>=2.5,<2.61', extras: ['socks', 'security'], marker: 'python_version > "3.8"',
    });
    expect(parsePep508('Django==4.2.7')?.version).toBe('4.2.7');
    expect(parsePep508('pkg @ https://example.com/pkg-1.0.whl')?.version).toBe('@ https://example.com/pkg-1.0.whl');
    expect(parsePep508('attrs')?.version).toBe('(unpinned)');
    expect(parsePep508('this is prose, not a requirement')).toBeNull();
  });

  it('reads requirements files: hashes and options on the line, comments, and no options as packages', () => {
    expect(parseRequirementLine('urllib3[socks]==1.26.18 ; python_version >= "3.9"  --hash=sha256:abc --hash=sha256:def  # pinned')).toEqual({
      name: 'urllib3', version: '1.26.18', note: 'python_version >= "3.9"',
    });
    for (const line of ['-r base.txt', '--index-url https://pypi.example/simple', '-e git+https://x/y#egg=y', './local', '    --hash=sha256:abc']) {
      expect(parseRequirementLine(line), line).toBeNull();
    }
  });

  it('joins continued lines in a hunk, so a version is read even when only its hash lines are in view', async () => {
    const files = await parseDiff(`diff --git a/requirements.txt b/requirements.txt
--- a/requirements.txt
+++ b/requirements.txt
@@ -1,6 +1,6 @@
-certifi==2023.7.22 \\
-    --hash=sha256:aaa
+certifi==2024.2.2 \\
+    --hash=sha256:bbb
 idna==3.4 \\
-    --hash=sha256:ccc
+    --hash=sha256:ddd
`);
    expect(messages(await classifyAll(vendoredDeps, files))).toEqual(['certifi: 2023.7.22 → 2024.2.2 (upgrade)']);
  });
});

describe('ranges', () => {
  it('compares ranges by their lower bounds', () => {
    expect(directionOf('>=2.19', '>=3.0.0')).toBe('upgrade');
    expect(directionOf('<2.61,>=2.5', '>=2.6,<3')).toBe('upgrade');
    expect(directionOf('!=2.0,>=2.1', '>=2.0')).toBe('downgrade');
    expect(directionOf('~=2.5', '>=2.5,<3')).toBe('changed');
    expect(directionOf('^23.1', '^22.12')).toBe('downgrade');
    expect(isRange('>=2.19')).toBe(true);
    expect(isRange('1.1.0-0ubuntu1~20.04.2')).toBe(false);
    expect(isRange('v1.6.21')).toBe(false);
  });
});
