import { describe, expect, it } from 'vitest';
import { createLineBudget } from '../../src/audit/lineBudget.js';
import { parseDiffText } from '../../src/diff/parse.js';
import type { FileDiff, Side } from '../../src/model.js';

/** A file of one hunk of `lines` added lines, on `side`. */
const fileOf = async (path: string, lines: number, side: Side): Promise<FileDiff> => {
  const added = Array.from({ length: lines }, (_, index) => `+line ${index}\n`).join('');
  const { files } = await parseDiffText(`diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -0,0 +1,${lines} @@\n${added}`);
  const [file] = files;
  if (!file) throw new Error('no file');
  for (const hunk of file.hunks) hunk.side = side;
  file.side = side;
  return file;
};

describe('the kept-lines budget', () => {
  it("gives the hunks a report prints their own budget: a lockfile and upstream's hunks before them do not take it", async () => {
    const budget = createLineBudget(10);
    const lockfile = await fileOf('package-lock.json', 8, 'both');
    const upstreamOnly = await fileOf('src/upstream.ts', 2, 'upstream');
    const forkOwn = await fileOf('src/fork.ts', 6, 'fork');
    const unknown = await fileOf('src/saved.ts', 4, null);
    for (const file of [lockfile, upstreamOnly, forkOwn, unknown]) budget.keep(file);
    expect([lockfile, upstreamOnly, forkOwn, unknown].map((file) => file.hunks[0]?.lines.length)).toEqual([8, 2, 6, 4]);
    expect(budget.isExhausted()).toBe(false);
    // Past a pool's budget, that pool's later hunks keep their counts only; the other pool is untouched.
    const more = await fileOf('src/more.ts', 1, 'both');
    const upstreamMore = await fileOf('src/upstream-more.ts', 1, 'upstream');
    budget.keep(more);
    budget.keep(upstreamMore);
    expect(more.hunks[0]).toMatchObject({ lines: [], isTruncated: true, additions: 1 });
    expect(upstreamMore.hunks[0]?.lines).toHaveLength(0);
    expect(budget.isExhausted()).toBe(true);
  });
});
