import { describe, expect, it } from 'vitest';
import { setHunkAttribution } from '../../src/attribution/hunkAttribution.js';
import type { FileLines, LineFact } from '../../src/attribution/lineFacts.js';
import { parseDiffText } from '../../src/diff/parse.js';

const fact = (side: LineFact['side'], sha: string): LineFact => ({ side, commits: [sha] });

describe('setHunkAttribution', () => {
  it('splits a hunk whose lines moved on both sides into blocks that cover it in order', async () => {
    const { files } = await parseDiffText(`diff --git a/Dockerfile b/Dockerfile
--- a/Dockerfile
+++ b/Dockerfile
@@ -10,7 +10,6 @@ FROM base
 ARG A=1
-ARG CONTAINERD=v1.6.21
+ARG CONTAINERD=v1.6.18
 ARG B=2
-FROM alpine AS base
+FROM ubuntu AS base
 RUN x
-FROM minio AS minio
 RUN y
`);
    const file = files[0]!;
    file.side = 'both';
    // Upstream bumped containerd (both lines upstream's), the fork switched the base, upstream added minio.
    const facts: FileLines = {
      upstream: new Map([[11, fact('upstream', 'bump')], [13, fact('fork', 'ubuntu')], [15, fact('upstream', 'minio')]]),
      fork: new Map([[11, fact('upstream', 'bump')], [13, fact('fork', 'ubuntu')]]),
    };
    setHunkAttribution(file, facts);
    const [hunk] = file.hunks;
    expect(hunk?.side).toBe('both');
    expect(hunk?.commits).toEqual(['bump', 'ubuntu', 'minio']);
    expect(hunk?.blocks).toEqual([
      { side: 'upstream', oldStart: 10, oldLines: 3, newStart: 10, newLines: 3 },
      { side: 'fork', oldStart: 13, oldLines: 2, newStart: 13, newLines: 2 },
      { side: 'upstream', oldStart: 15, oldLines: 2, newStart: 15, newLines: 1 },
    ]);
    const covered = (key: 'oldLines' | 'newLines'): number => hunk!.blocks.reduce((sum, block) => sum + block[key], 0);
    expect([covered('oldLines'), covered('newLines')]).toEqual([hunk!.oldLines, hunk!.newLines]);
  });

  it('gives a one-sided hunk that side and no blocks, and a hunk without facts the file side', async () => {
    const { files } = await parseDiffText(`diff --git a/x b/x
--- a/x
+++ b/x
@@ -1,2 +1,2 @@
-a
+b
 c
@@ -9,1 +9,1 @@
-y
+z
`);
    const file = files[0]!;
    file.side = 'both';
    setHunkAttribution(file, { upstream: new Map([[1, fact('fork', 'f')]]), fork: new Map([[1, fact('fork', 'f')]]) });
    expect(file.hunks.map((hunk) => [hunk.side, hunk.blocks, hunk.commits])).toEqual([
      ['fork', [], ['f']],
      ['both', [], []],
    ]);
  });
});
