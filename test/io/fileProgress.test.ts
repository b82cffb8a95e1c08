import { describe, expect, it } from 'vitest';
import { createFileProgress } from '../../src/io/fileProgress.js';

const streamOf = (isTTY: boolean) => {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
};

describe('progress while a large diff streams', () => {
  it('counts files on one rewritten line of a terminal, then clears it', () => {
    const { stream, written } = streamOf(true);
    const progress = createFileProgress(stream, 0);
    progress.tick();
    progress.tick();
    progress.done();
    expect(written).toEqual(['\rforkdiff: reading the diff, 1 file', '\rforkdiff: reading the diff, 2 files', '\r\u001b[K']);
  });

  it('writes nothing when stderr is not a terminal (CI logs, redirects)', () => {
    const { stream, written } = streamOf(false);
    const progress = createFileProgress(stream, 0);
    progress.tick();
    progress.done();
    expect(written).toEqual([]);
  });
});
