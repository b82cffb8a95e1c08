import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCompactor } from '../../src/audit/compact.js';
import { createHunkSpill, isSpilled } from '../../src/audit/hunkSpill.js';
import { parseDiffText } from '../../src/diff/parse.js';
import type { FileDiff } from '../../src/model.js';
import { jsonChunks } from '../../src/reporters/jsonChunks.js';
import { diffFixture } from '../helpers/paths.js';
import { scratchDir } from '../helpers/scratch.js';

describe('hunks spilled to disk past the in-memory limit', () => {
  it('read back equal, and serialise exactly as before', async () => {
    const text = readFileSync(diffFixture('default-prefixes.diff'), 'utf8');
    const { files } = await parseDiffText(text);
    const before = JSON.stringify(files, null, 2);
    const spill = createHunkSpill(1); // the first hunk stays in memory, every later file spills
    const kept = files.map((file) => spill.keep(file));
    expect(kept.filter(isSpilled).length).toBeGreaterThan(3);
    expect(JSON.stringify(kept, null, 2)).toBe(before);
    const a = kept.find((file) => file.path === 'src/a.go');
    expect(a && isSpilled(a)).toBe(true);
    expect(a?.hunks[0]?.lines.map((line) => line.content)).toContain('\tif x == nil {');
    // Spread (as --category does) keeps every field; the hunks come along when named.
    expect(JSON.stringify(kept.map((file) => ({ ...file, hunks: file.hunks })), null, 2)).toBe(before);
  });

  it('give the JSON report their hunks as written, byte for byte what serialising the parsed hunks gives', async () => {
    const { files } = await parseDiffText(readFileSync(diffFixture('default-prefixes.diff'), 'utf8'));
    const spill = createHunkSpill(1);
    const kept = files.map((file) => spill.keep(file));
    const spilled = kept.filter(isSpilled);
    expect(spilled.length).toBeGreaterThan(3);
    for (const file of spilled) {
      const own = file as unknown as { toIndentedJson(depth: number): string };
      expect(own.toIndentedJson(0)).toBe(JSON.stringify(file, null, 2));
      expect(own.toIndentedJson(2)).toBe(JSON.stringify(file, null, 2).replace(/\n/g, '\n    '));
    }
    // In a single report and in the envelope of several, at the streaming depth or
    // above it (a spilled file is never walked key by key: its hunks are not a key).
    for (const [document, depth] of [[{ files: kept }, 2], [{ reports: [{ files: kept }] }, 4], [kept, 1], [{ files: kept }, 5]] as const) {
      expect([...jsonChunks(document, depth)].join('')).toBe(JSON.stringify(document, null, 2));
    }
    expect([...jsonChunks({ files: kept }, 2)].join('')).toBe(JSON.stringify({ files }, null, 2));
    // Hunks replaced after the spill (filters do this) are the ones written.
    const first = spilled[0] as FileDiff;
    first.hunks = first.hunks.slice(0, 1);
    expect([...jsonChunks({ files: [first] }, 2)].join('')).toBe(JSON.stringify({ files: [{ ...first, hunks: first.hunks }] }, null, 2));
  });

  it('keeps everything in memory under the limit', async () => {
    const { files } = await parseDiffText(readFileSync(diffFixture('default-prefixes.diff'), 'utf8'));
    const spill = createHunkSpill();
    const kept = files.map((file) => spill.keep(file));
    expect(kept.some(isSpilled)).toBe(false);
    expect(kept.every((file, index) => file === files[index])).toBe(true);
  });

  it('keeps copies made by the compactor, never the parser\'s own objects, whether in memory or spilled', async () => {
    const { files } = await parseDiffText(readFileSync(diffFixture('default-prefixes.diff'), 'utf8'));
    const before = JSON.stringify(files, null, 2);
    const copied: unknown[] = [];
    const compact = createCompactor();
    const spill = createHunkSpill(1, (value) => {
      copied.push(value);
      return compact(value);
    });
    const kept = files.map((file) => spill.keep(file));
    expect(kept.some(isSpilled)).toBe(true);
    expect(kept.some((file) => !isSpilled(file))).toBe(true);
    expect(copied).toHaveLength(files.length);
    expect(kept.every((file, index) => file !== files[index])).toBe(true);
    const inMemory = kept.find((file) => !isSpilled(file));
    expect(inMemory?.hunks[0]).not.toBe(files[0]?.hunks[0]);
    expect(JSON.stringify(kept, null, 2)).toBe(before);
  });

  it.skipIf(process.platform === 'win32')('leaves nothing in the temporary directory, even while the hunks are still in use', async () => {
    const { files } = await parseDiffText(readFileSync(diffFixture('default-prefixes.diff'), 'utf8'));
    const scratch = scratchDir('spill-test');
    const previous = process.env['TMPDIR'];
    process.env['TMPDIR'] = scratch;
    try {
      const spill = createHunkSpill(1);
      const kept = files.map((file) => spill.keep(file));
      expect(kept.some(isSpilled)).toBe(true);
      // Unlinked at once: a killed run (Ctrl-C) cannot leave a copy of the diff behind.
      expect(readdirSync(scratch)).toEqual([]);
      expect(JSON.stringify(kept)).toBe(JSON.stringify(files));
    } finally {
      if (previous === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = previous;
    }
  });
});
