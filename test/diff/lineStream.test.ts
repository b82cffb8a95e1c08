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
});
