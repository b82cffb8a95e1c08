import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type ReadContext, startSection } from '../../src/diff/sectionAccumulator.js';
import type { FileDiff } from '../../src/model.js';
import { diffFixture } from '../helpers/paths.js';

/** Every section of a diff read with a given size limit: held (parse-diff) or streamed (builder). */
function readAll(text: string, limit: number): { files: FileDiff[]; notices: string[] } {
  const notices: string[] = [];
  const context: ReadContext = { prefixes: null, notices };
  const files: FileDiff[] = [];
  let section: ReturnType<typeof startSection> | null = null;
  for (const line of text.split('\n').slice(0, -1)) {
    if (line.startsWith('diff --git ')) {
      const file = section?.finish();
      if (file) files.push(file);
      section = startSection('git', line, context, limit);
    } else {
      section?.push(line);
    }
  }
  const last = section?.finish();
  if (last) files.push(last);
  return { files, notices };
}

describe('sections too large to hold are built as they stream', () => {
  it('give the same files, hunks and fingerprints as held sections', () => {
    const text = readFileSync(diffFixture('default-prefixes.diff'), 'utf8');
    const held = readAll(text, Number.MAX_SAFE_INTEGER);
    const streamed = readAll(text, 1);
    expect(streamed.files).toEqual(held.files);
    expect(streamed.notices).toEqual(held.notices);
  });

  it('keep the first lines of a huge hunk and count all of them', () => {
    const body = Array.from({ length: 5000 }, (_, index) => `-old ${index}`);
    const text = ['diff --git a/big b/big', '--- a/big', '+++ b/big', '@@ -1,5000 +0,0 @@', ...body, ''].join('\n');
    const [file] = readAll(text, 1000).files;
    expect(file?.deletions).toBe(5000);
    expect(file?.hunks[0]?.lines).toHaveLength(2000);
    expect(file?.hunks[0]?.isTruncated).toBe(true);
  });

  it('report a truncated or unreadable hunk the same way', () => {
    const text = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n ctx\n-a\n@@ garbage @@\n+b\n';
    expect(readAll(text, 1).notices).toEqual(readAll(text, Number.MAX_SAFE_INTEGER).notices);
    expect(readAll(text, 1).notices).toHaveLength(2);
  });
});
