import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileDiff, Hunk } from '../model.js';

/** Hunks kept as objects before later files' hunks go to disk: small reports never spill. */
export const IN_MEMORY_HUNKS = 20_000;

/**
 * Bounds the report's memory on a huge fork. Once more than `limit` hunks are
 * held, each further file's hunks are written to a temporary file and its
 * `hunks` becomes a getter that reads them back, so reporters (and
 * JSON.stringify) see the same model without it all living in memory. The
 * temporary directory goes when the process exits.
 */
export function createHunkSpill(limit = IN_MEMORY_HUNKS): { keep(file: FileDiff): void } {
  let heldHunks = 0;
  let spill: { fd: number; offset: number } | null = null;
  return {
    keep(file) {
      heldHunks += file.hunks.length;
      if (heldHunks <= limit || file.hunks.length === 0) return;
      spill ??= openSpill();
      const bytes = Buffer.from(JSON.stringify(file.hunks), 'utf8');
      const { fd } = spill;
      const at = spill.offset;
      const { length } = bytes; // the getter must not hold on to the bytes themselves
      writeSync(fd, bytes, 0, length, at);
      spill.offset += length;
      Object.defineProperty(file, 'hunks', {
        enumerable: true,
        configurable: true,
        get: (): Hunk[] => {
          const back = Buffer.alloc(length);
          readSync(fd, back, 0, back.length, at);
          return JSON.parse(back.toString('utf8')) as Hunk[];
        },
      });
    },
  };
}

function openSpill(): { fd: number; offset: number } {
  const directory = mkdtempSync(join(tmpdir(), 'forkdiff-'));
  const fd = openSync(join(directory, 'hunks.json'), 'w+');
  process.once('exit', () => {
    closeSync(fd);
    rmSync(directory, { recursive: true, force: true });
  });
  return { fd, offset: 0 };
}
