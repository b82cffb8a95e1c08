import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readLineBatches } from '../../src/diff/lineStream.js';

async function linesOf(chunks: (Buffer | string)[]): Promise<string[]> {
  const lines: string[] = [];
  for await (const batch of readLineBatches(Readable.from(chunks))) lines.push(...batch);
  return lines;
}

describe('readLineBatches', () => {
  it('splits on \\n only, drops the \\r of \\r\\n, keeps a lone \\r', async () => {
    expect(await linesOf(['a\r\nb\rc\nlast'])).toEqual(['a', 'b\rc', 'last']);
  });

  it('keeps a \r at the end of a line when the diff\'s own lines end in \n: a CRLF line turned LF stays visible', async () => {
    expect(await linesOf(['diff --git a/x b/x\n-first\r\n+first\n second\r\n'])).toEqual(['diff --git a/x b/x', '-first\r', '+first', ' second\r']);
  });

  it('drops one \r per line of a diff saved with CRLF, keeping a content line\'s own', async () => {
    expect(await linesOf(['diff --git a/x b/x\r\n-first\r\r\n+first\r\n'])).toEqual(['diff --git a/x b/x', '-first\r', '+first']);
  });

  it('shows bytes that are not UTF-8 as distinct \\xNN escapes', async () => {
    expect(await linesOf([Buffer.from([0x2b, 0xff, 0x0a, 0x2b, 0xfe, 0x0a])])).toEqual(['+\\xff', '+\\xfe']);
  });

  it('decodes a UTF-8 character cut between two chunks', async () => {
    const bytes = Buffer.from('café\nnaïve\n', 'utf8');
    const cut = bytes.indexOf(0xc3) + 1; // inside the two bytes of é
    expect(await linesOf([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(['café', 'naïve']);
  });

  it('joins a line that spans several chunks, and a \\r\\n cut in two', async () => {
    expect(await linesOf(['one ', 'long ', 'line\r', '\nnext'])).toEqual(['one long line', 'next']);
  });

  it('does not depend on the stream reusing its buffers', async () => {
    const shared = Buffer.from('ab\ncd', 'utf8');
    async function* reusing(): AsyncGenerator<Buffer> {
      yield shared;
      shared.write('xy\nzz', 'utf8'); // a stream may refill the same buffer for the next chunk
      yield Buffer.from('\n', 'utf8');
    }
    const lines: string[] = [];
    for await (const batch of readLineBatches(reusing())) lines.push(...batch);
    expect(lines).toEqual(['ab', 'cd']);
  });

  it('hands a large chunk out in batches of about batchBytes, every line once and in order', async () => {
    const text = Array.from({ length: 1000 }, (_, index) => `line ${index} ${'x'.repeat(index % 50)}`).join('\n');
    const batches: string[][] = [];
    for await (const batch of readLineBatches(Readable.from([Buffer.from(text, 'utf8')]), 1024)) batches.push(batch);
    expect(batches.flat()).toEqual(text.split('\n'));
    expect(batches.length).toBeGreaterThan(20);
    // A batch stops at the first line that reaches the budget, so it holds at most budget + one line.
    for (const batch of batches) expect(batch.reduce((sum, line) => sum + line.length + 1, 0)).toBeLessThanOrEqual(1024 + 80);
  });

  it('keeps a line carried over from the previous chunk in the first batch', async () => {
    const batches: string[][] = [];
    for await (const batch of readLineBatches(Readable.from(['carried ', `over\n${'y'.repeat(40)}\n${'z'.repeat(40)}\n`]), 16)) batches.push(batch);
    expect(batches.flat()).toEqual(['carried over', 'y'.repeat(40), 'z'.repeat(40)]);
    expect(batches[0]).toEqual(['carried over']);
  });
});
