import { Buffer } from 'node:buffer';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

// Lines are gathered into ~1 MB strings before they reach the file: one
// write per line would be slow, one string for the whole diff would defeat
// the point (the bench must not need the memory it is measuring).
const FLUSH_AT = 1 << 20;

/** A line-oriented, back-pressure-aware writer to a file. */
export const createFileOutput = (path) => createLineOutput(createWriteStream(path));

/** A line-oriented, back-pressure-aware writer to any stream; `bytes` counts what was written so far. */
export function createLineOutput(stream) {
  let parts = [];
  let pending = 0;
  const output = {
    bytes: 0,
    line(text) {
      parts.push(text, '\n');
      const size = Buffer.byteLength(text) + 1;
      pending += size;
      output.bytes += size;
    },
    /** Call between hunks: writes once enough is buffered, and waits when the disk is behind. */
    async flushIfFull() {
      if (pending >= FLUSH_AT) await output.flush();
    },
    async flush() {
      if (pending === 0) return;
      const chunk = parts.join('');
      parts = [];
      pending = 0;
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    async close() {
      await output.flush();
      stream.end();
      await once(stream, 'finish');
    },
  };
  return output;
}
