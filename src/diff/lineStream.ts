import { StringDecoder } from 'node:string_decoder';

/**
 * Splits a byte stream into lines on `\n` only (a lone `\r` is content, not a
 * line break, unlike readline), decoding UTF-8 across chunk boundaries. Only
 * the current line is held in memory, never the whole input.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of stream) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    let newline = pending.indexOf('\n', start);
    while (newline !== -1) {
      yield stripCarriageReturn(pending.slice(start, newline));
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending.length > 0) yield stripCarriageReturn(pending);
}

/** A diff saved on Windows ends lines with `\r\n`; the `\r` is not part of the line. */
const stripCarriageReturn = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);
