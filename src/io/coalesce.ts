/**
 * Many small report chunks as fewer, larger writes (about 1 MiB each), as
 * bytes. Joining them into 1 MiB strings instead would put every block in
 * V8's large-object space, which is old generation: a 50 MB report was 50 MB
 * of old garbage on top of the audit's heap. A Buffer's bytes live outside
 * the heap, but only go when V8 collects the Buffer, and rendering a report
 * allocates too little to make it collect: a 38 MB markdown report held
 * 40 MB of written blocks at the end. So a writer that is done with each
 * block before it asks for the next (`isReused`) gets the same memory back
 * every time.
 */
export function* coalesce(chunks: Iterable<string>, { size = 1 << 20, isReused = false }: { size?: number; isReused?: boolean } = {}): Generator<Buffer> {
  let block = Buffer.allocUnsafe(size);
  let used = 0;
  for (const chunk of chunks) {
    // Three bytes per UTF-16 unit is UTF-8's worst case, so the byte count is only needed near the end of a block.
    const bytes = chunk.length * 3 <= size - used ? -1 : Buffer.byteLength(chunk);
    if (bytes !== -1 && bytes > size - used) {
      if (used > 0) yield block.subarray(0, used);
      if (!isReused) block = Buffer.allocUnsafe(size);
      used = 0;
      if (bytes > size) {
        yield Buffer.from(chunk, 'utf8');
        continue;
      }
    }
    used += block.write(chunk, used, 'utf8');
  }
  if (used > 0) yield block.subarray(0, used);
}
