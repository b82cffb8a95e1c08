/** Many small report chunks as fewer, larger writes (about 1 MiB each). */
export function* coalesce(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  // String concatenation builds a rope that is flattened once, on write.
  let pending = '';
  for (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= size) {
      yield pending;
      pending = '';
    }
  }
  if (pending.length > 0) yield pending;
}
