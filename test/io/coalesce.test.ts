import { describe, expect, it } from 'vitest';
import { coalesce } from '../../src/io/coalesce.js';

const join = (blocks: Buffer[]): string => Buffer.concat(blocks).toString('utf8');

describe('coalesce', () => {
  it('gives back exactly the chunks, in blocks no larger than the size', () => {
    const chunks = Array.from({ length: 200 }, (_, index) => `chunk ${index};`);
    const blocks = [...coalesce(chunks, 64)];
    expect(join(blocks)).toBe(chunks.join(''));
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) expect(block.length).toBeLessThanOrEqual(64);
  });

  it('never splits a multi-byte character across blocks', () => {
    const chunks = Array.from({ length: 50 }, () => 'ünïcødé → 漢字 🙂');
    const blocks = [...coalesce(chunks, 40)];
    expect(join(blocks)).toBe(chunks.join(''));
    for (const block of blocks) expect(block.toString('utf8')).not.toContain('\uFFFD');
  });

  it('writes a chunk larger than a block as a block of its own, after what was pending', () => {
    const big = 'x'.repeat(300);
    const blocks = [...coalesce(['head', big, 'tail'], 64)];
    expect(blocks.map((block) => block.toString('utf8'))).toEqual(['head', big, 'tail']);
  });

  it('hands out a fresh buffer for every block, so a slow writer may hold on to one', () => {
    const blocks = [...coalesce(['a'.repeat(60), 'b'.repeat(60), 'c'.repeat(60)], 64)];
    expect(blocks.map((block) => block.toString('utf8'))).toEqual(['a'.repeat(60), 'b'.repeat(60), 'c'.repeat(60)]);
  });

  it('yields nothing for no chunks or only empty ones', () => {
    expect([...coalesce([], 64)]).toEqual([]);
    expect([...coalesce(['', ''], 64)]).toEqual([]);
  });
});
