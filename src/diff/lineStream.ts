import { decodeUtf8Visible } from '../text/decodeUtf8.js';

/**
 * Splits a byte stream into lines on `\n` only (a lone `\r` is content, not a
 * line break, unlike readline) and yields them a chunk's worth at a time, so
 * the per-line work downstream is synchronous.
 *
 * Each line is decoded from its own bytes. Slicing one decoded chunk instead
 * would hand out V8 sliced strings that keep the whole chunk alive: every
 * path or line a report keeps would pin 64 KiB of input, and memory would
 * grow with the diff instead of with the largest file. A `\n` byte never
 * occurs inside a multi-byte UTF-8 sequence, so splitting bytes is safe.
 * Bytes that are not UTF-8 become visible `\xNN` escapes (see decodeUtf8.ts).
 *
 * A batch holds at most about `batchBytes` of lines, however large the
 * stream's chunks (stdin, or a reader with a large buffer): lines decoded long before
 * they are used would outlive a garbage collection or two and be promoted to
 * the old generation, where they linger as garbage.
 */
export async function* readLineBatches(stream: AsyncIterable<Buffer | string>, batchBytes = 64 * 1024): AsyncGenerator<string[]> {
  let carried: Buffer[] = [];
  // A diff saved on Windows ends every line with `\r\n`, and that `\r` is not
  // part of the line. In any other diff a `\r` at the end of a line is the
  // file's own (a CRLF line turned LF is drift to show), so it stays. The
  // first line says which: git's output never ends a header line with `\r`.
  let isCrlf: boolean | null = null;
  const decodeLine = (bytes: Buffer, start: number, end: number | undefined): string => {
    const stop = end ?? bytes.length;
    const endsWithCr = stop > start && bytes[stop - 1] === 13;
    isCrlf ??= endsWithCr;
    return decodeUtf8Visible(bytes, start, isCrlf && endsWithCr ? stop - 1 : stop);
  };
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let lines: string[] = [];
    let start = 0;
    let batchStart = 0;
    let newline = bytes.indexOf(10, start);
    while (newline !== -1) {
      if (newline - batchStart >= batchBytes && lines.length > 0) {
        yield lines;
        lines = [];
        batchStart = start;
      }
      if (carried.length > 0) {
        carried.push(bytes.subarray(start, newline));
        lines.push(decodeLine(Buffer.concat(carried), 0, undefined));
        carried = [];
      } else {
        lines.push(decodeLine(bytes, start, newline));
      }
      start = newline + 1;
      newline = bytes.indexOf(10, start);
    }
    // Keep a copy of the tail: the stream may reuse its buffer for the next chunk.
    if (start < bytes.length) carried.push(Buffer.from(bytes.subarray(start)));
    if (lines.length > 0) yield lines;
  }
  if (carried.length > 0) yield [decodeLine(Buffer.concat(carried), 0, undefined)];
}
