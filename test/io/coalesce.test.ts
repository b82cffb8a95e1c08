import { describe, expect, it } from 'vitest';
import { coalesce } from '../../src/io/coalesce.js';

const join = (blocks: Buffer[]): string => Buffer.concat(blocks).toString('utf8');

describe('coalesce', () => {
  it('gives back exactly the chunks, in blocks no larger than the size', () => {
    const chunks = Array.from({ length: 200 }, (_, index) => `chunk ${index};`);
    const blocks = [...coalesce(chunks, { size: 64 })];
    expect(join(blocks)).toBe(chunks.join(''));
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) expect(block.length).toBeLessThanOrEqual(64);
  });

  it('never splits a multi-byte character across blocks', () => {
    const chunks = Array.from({ length: 50 }, () => 'ünïcødé → 漢字 🙂');
    const blocks = [...coalesce(chunks, { size: 40 })];
    expect(join(blocks)).toBe(chunks.join(''));
    for (const block of blocks) expect(block.toString('utf8')).not.toContain('\uFFFD');
  });

  it('writes a chunk larger than a block as a block of its own, after what was pending', () => {
    const big = 'x'.repeat(300);
    const blocks = [...coalesce(['head', big, 'tail'], { size: 64 })];
    expect(blocks.map((block) => block.toString('utf8'))).toEqual(['head', big, 'tail']);
  });

  it('hands out a fresh buffer for every block, so a slow writer may hold on to one', () => {
    const blocks = [...coalesce(['a'.repeat(60), 'b'.repeat(60), 'c'.repeat(60)], { size: 64 })];
    expect(blocks.map((block) => block.toString('utf8'))).toEqual(['a'.repeat(60), 'b'.repeat(60), 'c'.repeat(60)]);
  });

  it('reuses one buffer for a writer done with each block before the next, and keeps every byte', () => {
    const chunks = Array.from({ length: 40 }, (_, index) => `chunk ${index} ü;`);
    /** Where in memory each block sits: a buffer and an offset into it. */
    const places = (blocks: Iterable<Buffer>, onBlock: (block: Buffer) => void = () => undefined): number => {
      const seen = new Map<ArrayBufferLike, Set<number>>();
      for (const block of blocks) {
        onBlock(block);
        seen.set(block.buffer, (seen.get(block.buffer) ?? new Set()).add(block.byteOffset));
      }
      return [...seen.values()].reduce((sum, offsets) => sum + offsets.size, 0);
    };
    const texts: string[] = [];
    expect(places(coalesce(chunks, { size: 64, isReused: true }), (block) => texts.push(block.toString('utf8')))).toBe(1);
    expect(texts.join('')).toBe(chunks.join(''));
    expect(texts.length).toBeGreaterThan(5);
    // Without reuse, every block has memory of its own (the test above relies on it).
    expect(places(coalesce(chunks, { size: 64 }))).toBe(texts.length);
  });

  it('yields nothing for no chunks or only empty ones', () => {
    expect([...coalesce([], { size: 64 })]).toEqual([]);
    expect([...coalesce(['', ''], { size: 64 })]).toEqual([]);
  });
});
