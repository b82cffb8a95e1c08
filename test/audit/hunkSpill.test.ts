import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHunkSpill } from '../../src/audit/hunkSpill.js';
import { parseDiffText } from '../../src/diff/parse.js';
import { diffFixture } from '../helpers/paths.js';

describe('hunks spilled to disk past the in-memory limit', () => {
  it('read back equal, and serialise exactly as before', async () => {
    const text = readFileSync(diffFixture('default-prefixes.diff'), 'utf8');
    const { files } = await parseDiffText(text);
    const before = JSON.stringify(files, null, 2);
    const spill = createHunkSpill(1); // the first hunk stays in memory, every later file spills
    for (const file of files) spill.keep(file);
    const spilled = files.filter((file) => Object.getOwnPropertyDescriptor(file, 'hunks')?.get !== undefined);
    expect(spilled.length).toBeGreaterThan(3);
    expect(JSON.stringify(files, null, 2)).toBe(before);
    expect(files.find((file) => file.path === 'src/a.go')?.hunks[0]?.lines.map((line) => line.content)).toContain('\tif x == nil {');
  });

  it('keeps everything in memory under the limit', async () => {
    const { files } = await parseDiffText(readFileSync(diffFixture('default-prefixes.diff'), 'utf8'));
    const spill = createHunkSpill();
    for (const file of files) spill.keep(file);
    expect(files.every((file) => Object.getOwnPropertyDescriptor(file, 'hunks')?.get === undefined)).toBe(true);
  });
});
