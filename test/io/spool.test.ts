import { mkdtempSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createSpoolFile, followFile } from '../../src/io/spool.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const collect = async (chunks: AsyncIterable<Buffer>): Promise<Buffer> => {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
};

describe('followFile', () => {
  it('reads what a writer appends while it writes, and stops once it has finished and all is read', async () => {
    dir = mkdtempSync(join(tmpdir(), 'forkdiff-spool-test-'));
    const file = createSpoolFile(dir);
    const pieces = ['diff --git a/x b/x\n', 'é'.repeat(700_000), '\n@@ -1 +1 @@\n', '-a\n+b'];
    const writer = (async () => {
      for (const piece of pieces) {
        await delay(15);
        writeSync(file.fd, piece);
      }
    })();
    const read = await collect(followFile(file.fd, writer));
    expect(read.toString('utf8')).toBe(pieces.join(''));
    file.close();
  });

  it('ends after a writer that failed, with what it wrote', async () => {
    dir = mkdtempSync(join(tmpdir(), 'forkdiff-spool-test-'));
    const file = createSpoolFile(dir);
    writeSync(file.fd, 'partial');
    const read = await collect(followFile(file.fd, Promise.reject(new Error('git died'))));
    expect(read.toString('utf8')).toBe('partial');
    file.close();
  });
});

describe('createSpoolFile', () => {
  it.skipIf(process.platform === 'win32')('leaves nothing on disk, even while open', () => {
    dir = mkdtempSync(join(tmpdir(), 'forkdiff-spool-test-'));
    const file = createSpoolFile(dir);
    expect(readdirSync(dir)).toEqual([]);
    file.close();
    file.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});
