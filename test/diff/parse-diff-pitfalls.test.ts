import { readFileSync } from 'node:fs';
import parseDiff from 'parse-diff';
import { describe, expect, it } from 'vitest';
import { parseDiffText } from '../../src/diff/parse.js';
import { diffFixture } from '../helpers/paths.js';

/**
 * Each pitfall of parse-diff named in DEVELOPERS.md, shown on the library
 * itself (so an upgrade that changes it is noticed) next to forkdiff's result.
 */
describe('parse-diff pitfalls', () => {
  const custom = readFileSync(diffFixture('custom-prefixes.diff'), 'utf8');

  it('keeps custom prefixes like upstream/v0.11/ in names; forkdiff strips them', async () => {
    const library = parseDiff(custom).find((file) => file.to?.endsWith('src/a.go'));
    expect(library?.to).toBe('origin/v0.11/src/a.go');
    const { files } = await parseDiffText(custom);
    expect(files.some((file) => file.path === 'src/a.go')).toBe(true);
  });

  it('loses names on binary and mode-only sections; forkdiff keeps them', async () => {
    const library = parseDiff(custom);
    const binary = library.find((file) => file.index?.[0] === 'a6a3e7f..176396d');
    expect(binary?.to).toBeUndefined();
    const { files } = await parseDiffText(custom);
    expect(files.find((file) => file.isBinary)?.path).toBe('logo.png');
    expect(files.find((file) => file.newMode === '100755')?.path).toBe('run.sh');
  });

  it('has no rename or binary flag; forkdiff has status renamed and isBinary', async () => {
    const library = parseDiff(custom);
    for (const file of library) {
      expect(Object.keys(file)).not.toContain('renamed');
      expect(Object.keys(file)).not.toContain('binary');
    }
    const { files } = await parseDiffText(custom);
    expect(files.filter((file) => file.status === 'renamed').map((file) => file.path)).toEqual(['src/renamed.txt']);
  });

  it('clones "\\ No newline at end of file" as a change; forkdiff never counts it', async () => {
    const text = readFileSync(diffFixture('default-prefixes.diff'), 'utf8');
    const library = parseDiff(text).find((file) => file.to === 'src/nonl.txt');
    const libraryChanges = library?.chunks[0]?.changes ?? [];
    expect(libraryChanges.filter((change) => change.type !== 'normal')).toHaveLength(4); // 1 del + 1 add + 2 markers
    const { files } = await parseDiffText(text);
    const ours = files.find((file) => file.path === 'src/nonl.txt');
    expect([ours?.additions, ours?.deletions]).toEqual([1, 1]);
    expect(ours?.hunks[0]?.lines.map((line) => line.content)).toEqual(['no newline at end', 'no newline at end, changed']);
  });
});
