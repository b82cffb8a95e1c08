/**
 * Bytes from a diff (paths, lines) are usually UTF-8, but nothing makes them
 * so: a Latin-1 file name is one invalid byte. Decoding each bad byte to
 * U+FFFD, as `Buffer#toString` does, makes `\xff.txt` and `\xfe.txt` the
 * same `�.txt`, one hiding the other. Here every byte that is not part of a
 * well-formed UTF-8 sequence becomes the visible, distinct text `\xNN`.
 */
export function decodeUtf8Visible(bytes: Uint8Array, start = 0, end = bytes.length): string {
  // Every line of a diff comes here: a Buffer is used as it is, not wrapped again.
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fast = buffer.toString('utf8', start, end);
  // Nearly every line is valid: only a U+FFFD in the result needs a closer look.
  if (!fast.includes('\ufffd')) return fast;
  const parts: string[] = [];
  let runStart = start;
  let index = start;
  while (index < end) {
    const length = sequenceLength(buffer, index, end);
    if (length > 0) {
      index += length;
      continue;
    }
    if (index > runStart) parts.push(buffer.toString('utf8', runStart, index));
    parts.push(`\\x${(buffer[index] as number).toString(16).padStart(2, '0')}`);
    index += 1;
    runStart = index;
  }
  if (end > runStart) parts.push(buffer.toString('utf8', runStart, end));
  return parts.join('');
}

const isContinuation = (byte: number | undefined, low = 0x80, high = 0xbf): boolean =>
  byte !== undefined && byte >= low && byte <= high;

/**
 * The length of the well-formed UTF-8 sequence at `index` (Unicode table
 * 3-7: no overlong forms, no surrogates, nothing past U+10FFFF), or 0.
 */
function sequenceLength(bytes: Uint8Array, index: number, end: number): number {
  const lead = bytes[index] as number;
  const at = (offset: number): number | undefined => (index + offset < end ? bytes[index + offset] : undefined);
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return isContinuation(at(1)) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const low = lead === 0xe0 ? 0xa0 : 0x80;
    const high = lead === 0xed ? 0x9f : 0xbf;
    return isContinuation(at(1), low, high) && isContinuation(at(2)) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const low = lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xf4 ? 0x8f : 0xbf;
    return isContinuation(at(1), low, high) && isContinuation(at(2)) && isContinuation(at(3)) ? 4 : 0;
  }
  return 0;
}
