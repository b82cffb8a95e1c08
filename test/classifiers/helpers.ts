import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Classifier, ClassifyContext } from '../../src/classifiers/define.js';
import { isWithdrawn } from '../../src/classifiers/define.js';
import { parseDiffText } from '../../src/diff/parse.js';
import type { FileDiff, Finding } from '../../src/model.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const buildkitFixture = path.resolve(projectRoot, '../shared/fixtures/buildkit-v0.11.diff.md');
export const hasBuildkitFixture = existsSync(buildkitFixture);

/** A diff fixture under fixtures/diffs/analysers/, parsed. */
export async function loadDiff(name: string): Promise<FileDiff[]> {
  const text = readFileSync(path.join(projectRoot, 'fixtures/diffs/analysers', name), 'utf8');
  return (await parseDiffText(text)).files;
}

export async function parseDiff(text: string): Promise<FileDiff[]> {
  return (await parseDiffText(text)).files;
}

/** Diff-file mode: no whole files. */
export const diffFileContext = (): ClassifyContext => ({ mode: 'diff-file', readFile: async () => null, linesOf: () => null, commitSubject: () => null, translate: (text) => text });

/** Git mode with whole files given per side. */
export const gitContext = (files: Partial<Record<'upstream' | 'fork' | 'base', Record<string, string>>>): ClassifyContext => ({
  mode: 'git',
  readFile: async (side, filePath) => files[side]?.[filePath] ?? null,
  linesOf: () => null,
  commitSubject: () => null,
  translate: (text) => text,
});

/** Runs one classifier over every file it matches, with one shared context. */
export async function classifyAll(classifier: Classifier, files: FileDiff[], context = diffFileContext()): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const file of files) if (classifier.matches(file)) findings.push(...(await classifier.classify(file, context)));
  findings.push(...((await classifier.finish?.(context)) ?? []));
  return findings.filter((finding) => !isWithdrawn(finding));
}

export const messages = (findings: Finding[]): string[] => findings.map((finding) => finding.message);

/** The diff text of a file one tip alone has, whole: the fork added it, or the fork lacks it (upstream's). */
export const wholeFileDiff = (status: 'added' | 'deleted', path: string, lines: readonly string[]): string =>
  status === 'added'
    ? `diff --git a/${path} b/${path}\nnew file mode 100644\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}\n`).join('')}`
    : `diff --git a/${path} b/${path}\ndeleted file mode 100644\n--- a/${path}\n+++ /dev/null\n@@ -1,${lines.length} +0,0 @@\n${lines.map((line) => `-${line}\n`).join('')}`;
