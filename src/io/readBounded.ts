import { open } from 'node:fs/promises';

/** A file larger than its reader accepts; `size` is how much was found (at least the limit plus one). */
export class FileTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`file of ${size} bytes is too large`);
    this.name = 'FileTooLargeError';
  }
}

/**
 * A small text file (a config, a baseline) read whole, refused before it is
 * read when it is larger than `maxBytes`: a 50 MB "config" must cost a stat,
 * not the memory and time of parsing it. A pipe or device is read no further
 * than the limit. A UTF-8 byte order mark is not part of the text.
 * I/O errors are thrown as they are, for the caller to explain.
 */
export async function readBoundedText(path: string, maxBytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const stats = await handle.stat();
    if (stats.isFile() && stats.size > maxBytes) throw new FileTooLargeError(stats.size);
    const chunks: Buffer[] = [];
    let length = 0;
    // One read for a regular file (its size, plus a byte to see it grew); pieces for a pipe.
    const chunkBytes = stats.isFile() ? stats.size + 1 : 64 * 1024;
    while (length <= maxBytes) {
      const chunk = Buffer.alloc(Math.min(chunkBytes, maxBytes + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    if (length > maxBytes) throw new FileTooLargeError(length);
    const text = Buffer.concat(chunks, length).toString('utf8');
    return text.startsWith('\ufeff') ? text.slice(1) : text;
  } finally {
    await handle.close();
  }
}

/** `256 KiB`, `64 MiB`, `1.5 GiB`: sizes in messages. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : Number(value.toFixed(1))} ${units[unit]}`;
}
