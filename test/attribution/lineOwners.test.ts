import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BASE_OWNER, NO_SEGMENTS, applyHunks, baseSegments, ownerAt, removalIndex, segmentList } from '../../src/attribution/lineOwners.js';
import type { Segments } from '../../src/attribution/lineOwners.js';
import { MAX_DECODED_LINE_BYTES, readHunkRange, readPatch } from '../../src/attribution/patchReader.js';
import type { PatchFile } from '../../src/attribution/patchReader.js';

const hunk = (oldStart: number, oldLines: number, newStart: number, newLines: number) => ({ oldStart, oldLines, newStart, newLines });
const owners = (segments: Segments, lines: number): (number | null)[] =>
  Array.from({ length: lines }, (_, index) => ownerAt(segments, index + 1));

describe('applyHunks', () => {
  it('follows lines through insertions, deletions and replacements as blame would', () => {
    // Commit 0 adds lines 3-4 of a 5-line base file: base, base, 0, 0, base, base, base.
    const first = applyHunks(NO_SEGMENTS, [hunk(2, 0, 3, 2)], 0);
    expect(owners(first, 7)).toEqual([null, null, 0, 0, null, null, null]);
    // Commit 1 inserts a line at the top, deletes line 4 (a commit-0 line) and replaces line 6.
    const second = applyHunks(first, [hunk(0, 0, 1, 1), hunk(4, 1, 4, 0), hunk(6, 1, 6, 2)], 1);
    expect(owners(second, 9)).toEqual([1, null, null, 0, null, 1, 1, null, null]);
  });

  it('starts a new file with every line owned by the commit that added it', () => {
    expect(owners(applyHunks(NO_SEGMENTS, [hunk(0, 0, 1, 3)], 4), 4)).toEqual([4, 4, 4, null]);
  });
});

describe('readPatch', () => {
  it('reads paths and ranges, skipping content that looks like headers', async () => {
    const patch = [
      '\x01abc def',
      '',
      'diff --git a/x b/"q\\"z"',
      'similarity index 90%',
      'rename from x',
      'rename to "q\\"z"',
      '--- a/x',
      '+++ "b/q\\"z"',
      '@@ -1,2 +1 @@ context',
      '--- a/not-a-header',
      '-\\ a line',
      '\\ No newline at end of file',
      '+diff --git a/fake b/fake',
      'diff --git a/gone b/gone',
      'deleted file mode 100644',
      '--- a/gone',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
    ].join('\n');
    const files: PatchFile[] = [];
    const commits: string[] = [];
    await readPatch(Readable.from([Buffer.from(patch.slice(0, 37)), Buffer.from(patch.slice(37))]), {
      commit: (sha, parents) => commits.push(`${sha}/${parents}`),
      file: (file) => files.push(file),
    });
    expect(commits).toEqual(['abc/1']);
    expect(files).toEqual([
      { oldPath: 'x', newPath: 'q"z', hunks: [hunk(1, 2, 1, 1)] },
      { oldPath: 'gone', newPath: null, hunks: [hunk(1, 1, 0, 0)] },
    ]);
  });

  it('hands over content lines up to MAX_DECODED_LINE_BYTES, never a minified bundle\'s line, and still counts it', async () => {
    const bundle = `!function(){${'var a=1;'.repeat(MAX_DECODED_LINE_BYTES)}}();`;
    const patch = [
      '\x01abc def',
      'diff --git a/dist/app.js b/dist/app.js',
      '--- a/dist/app.js',
      '+++ b/dist/app.js',
      '@@ -1,2 +1,2 @@',
      `-${bundle}`,
      `-${'x'.repeat(MAX_DECODED_LINE_BYTES - 1)}`,
      `+${bundle.replace('a=1', 'a=2')}`,
      '+short line',
      'diff --git a/b b/b',
      '--- a/b',
      '+++ b/b',
      '@@ -1 +1 @@',
      '-old',
      '+new',
    ].join('\n');
    // Whole, and in pieces of 100 bytes: a bundle's line then spans many chunks and is never joined.
    for (const size of [patch.length, 100]) {
      const lines: string[] = [];
      const files: PatchFile[] = [];
      const bytes = Buffer.from(patch);
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) => bytes.subarray(index * size, (index + 1) * size));
      await readPatch(Readable.from(chunks), {
        file: (file) => files.push(file),
        line: (type, text) => lines.push(`${type}${text.length > 20 ? `${text.length} chars` : text}`),
      });
      expect(lines).toEqual([`-${MAX_DECODED_LINE_BYTES - 1} chars`, '+short line', '-old', '+new']);
      expect(files).toEqual([
        { oldPath: 'dist/app.js', newPath: 'dist/app.js', hunks: [hunk(1, 2, 1, 2)] },
        { oldPath: 'b', newPath: 'b', hunks: [hunk(1, 1, 1, 1)] },
      ]);
    }
  });
});

describe('readHunkRange', () => {
  const read = (line: string) => readHunkRange(Buffer.from(`xx${line}yy`), 2, 2 + Buffer.byteLength(line));
  it('reads the ranges of a hunk header as git writes them, a count left out being 1', () => {
    expect(read('@@ -12,3 +14 @@ func (s *Solver) Step0(ctx context.Context) error {')).toEqual(hunk(12, 3, 14, 1));
    expect(read('@@ -1 +0,0 @@')).toEqual(hunk(1, 1, 0, 0));
    expect(read('@@ -0,0 +1,25 @@')).toEqual(hunk(0, 0, 1, 25));
    expect(read('@@ -4294967296,2 +4294967297 @@')).toEqual(hunk(4294967296, 2, 4294967297, 1));
  });

  it('reads no range from a line that only looks like a header', () => {
    for (const line of ['@@ -a +1 @@', '@@ -1 +1', '@@ -1 +1 @', '@@ -1, +1 @@', '@@ -1 -1 @@', '@@@ -1,2 -1,2 +1,3 @@@', '@@ +1 -1 @@', '@@ -1 +1@@', '-- -1 +1 @@']) {
      expect(read(line)).toBeNull();
    }
  });
});

describe('applyHunks on a file that was there at the merge base', () => {
  it('keeps the base line number of every line no commit touched, and reports the base lines each commit removed', () => {
    const removed: { from: number; to: number; owner: number }[] = [];
    // Commit 0 replaces base lines 3-4 with one line; commit 1 deletes base line 7 (now line 6).
    const first = applyHunks(baseSegments(), [hunk(3, 2, 3, 1)], 0, (range) => removed.push(range));
    const second = applyHunks(first, [hunk(6, 1, 5, 0)], 1, (range) => removed.push(range));
    expect(removed).toEqual([
      { from: 3, to: 5, owner: 0 },
      { from: 7, to: 8, owner: 1 },
    ]);
    expect(owners(second, 7)).toEqual([null, null, 0, null, null, null, null]);
    // Tip line 6 is base line 8: the base's lines 5 and 6 sit at 4 and 5, line 7 is gone.
    expect(segmentList(second).find((segment) => segment.from <= 6 && 6 < segment.to)).toMatchObject({ owner: BASE_OWNER });
    const at6 = segmentList(second).find((segment) => segment.from <= 6 && 6 < segment.to);
    expect(at6 ? at6.base + (6 - at6.from) : null).toBe(8);
    const removerAt = removalIndex(removed);
    expect(removerAt(4)).toBe(0);
    expect(removerAt(7)).toBe(1);
    expect(removerAt(6)).toBeNull();
  });

  it('answers for overlapping removal logs as a scan in log order would', () => {
    const removerAt = removalIndex([{ from: 7, to: 8, owner: 1 }, { from: 1, to: 10, owner: 0 }]);
    expect([1, 6, 7, 8, 10].map(removerAt)).toEqual([0, 0, 1, 0, null]);
  });
});

describe('applyHunks against a line-by-line model', () => {
  // A seeded generator, so a failure can be replayed.
  const random = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };

  it('gives every line the owner and base line the model gives it, and every removed base line its remover', () => {
    for (let history = 0; history < 150; history += 1) {
      const next = random(history + 1);
      const below = (limit: number): number => Math.floor(next() * limit);
      const isBase = history % 2 === 0; // half start from a base file, half from a file created since
      let model: { owner: number; base: number }[] = isBase ? Array.from({ length: 1 + below(30) }, (_, index) => ({ owner: BASE_OWNER, base: index + 1 })) : [];
      let segments = isBase ? baseSegments() : NO_SEGMENTS;
      const removed: { from: number; to: number; owner: number }[] = [];
      const removedBy = new Map<number, number>();
      for (let owner = 0; owner < 25; owner += 1) {
        // Hunks in old coordinates, at least one unchanged line apart (as -U0 writes them).
        const hunks: ReturnType<typeof hunk>[] = [];
        const lines: { owner: number; base: number }[] = [];
        let at = 0;
        let shift = 0;
        while (at <= model.length && hunks.length < 4) {
          const start = at + below(6);
          if (start > model.length) break;
          const deleted = Math.min(below(4), model.length - start);
          const inserted = below(4);
          if (deleted + inserted === 0) {
            lines.push(...model.slice(at, start + 1));
            at = start + 1;
            continue;
          }
          lines.push(...model.slice(at, start));
          for (const line of model.slice(start, start + deleted)) if (line.owner === BASE_OWNER) removedBy.set(line.base, owner);
          lines.push(...Array.from({ length: inserted }, () => ({ owner, base: 0 })));
          const newBefore = start + shift; // new lines before this hunk's added ones
          hunks.push(hunk(deleted > 0 ? start + 1 : start, deleted, inserted > 0 ? newBefore + 1 : newBefore, inserted));
          shift += inserted - deleted;
          at = start + deleted + 1;
          lines.push(...model.slice(start + deleted, at));
        }
        lines.push(...model.slice(at));
        model = lines;
        segments = applyHunks(segments, hunks, owner, (range) => removed.push(range));
        model.forEach((line, index) => {
          const segment = segmentList(segments).find((candidate) => candidate.from <= index + 1 && index + 1 < candidate.to);
          expect({ history, owner, line: index + 1, is: segment?.owner, base: segment && segment.owner === BASE_OWNER ? segment.base + (index + 1 - segment.from) : 0 })
            .toEqual({ history, owner, line: index + 1, is: line.owner, base: line.base });
        });
      }
      // Every base line (and one past the end): its remover, or null when it is still there.
      const removerAt = removalIndex(removed);
      const baseLines = isBase ? Math.max(0, ...removedBy.keys(), ...model.map((line) => line.base)) + 1 : 1;
      for (let base = 1; base <= baseLines; base += 1) {
        expect({ history, base, remover: removerAt(base) }).toEqual({ history, base, remover: removedBy.get(base) ?? null });
      }
    }
  });

  it('keeps a file of thousands of segments exact past the buffers it started with', () => {
    // 600 commits each replace one base line at a spot of their own: a base line, then a commit's, in turn.
    const lines = 3000;
    let segments = baseSegments();
    const model: { owner: number; base: number }[] = Array.from({ length: lines }, (_, index) => ({ owner: BASE_OWNER, base: index + 1 }));
    const removed: { from: number; to: number; owner: number }[] = [];
    for (let owner = 0; owner < 600; owner += 1) {
      const at = ((owner * 7) % 600) * 5 + 2; // distinct, 1-based
      segments = applyHunks(segments, [hunk(at, 1, at, 1)], owner, (range) => removed.push(range));
      model[at - 1] = { owner, base: 0 };
    }
    expect(segments.count).toBe(1201);
    const list = segmentList(segments);
    model.forEach((line, index) => {
      const segment = list.find((candidate) => candidate.from <= index + 1 && index + 1 < candidate.to);
      expect({ line: index + 1, owner: segment?.owner, base: segment?.owner === BASE_OWNER ? segment.base + (index + 1 - segment.from) : 0 })
        .toEqual({ line: index + 1, owner: line.owner, base: line.base });
    });
    expect(removed).toHaveLength(600);
    expect(removalIndex(removed)(((5 * 7) % 600) * 5 + 2)).toBe(5);
  });
});
