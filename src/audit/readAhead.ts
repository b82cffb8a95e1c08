/**
 * Keeps pulling from `source` while the consumer is busy (git mode: waiting
 * for git to read each side's history), up to `limit` units of `weigh`, so
 * parsing the diff overlaps that wait instead of following it. Memory stays
 * bounded by `limit`; errors reach the consumer in order.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, weigh: (item: T) => number, limit: number): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const queue: { item: T; weight: number }[] = [];
  let queued = 0;
  let isDone = false;
  let failure: { error: unknown } | null = null;
  let isStopped = false;
  let wake: (() => void) | null = null;
  const signal = (): void => {
    wake?.();
    wake = null;
  };
  const sleep = (): Promise<void> => new Promise((resolve) => (wake = resolve));

  const pump = async (): Promise<void> => {
    try {
      while (!isStopped) {
        if (queued >= limit) {
          await sleep();
          continue;
        }
        const next = await iterator.next();
        if (next.done) break;
        const weight = weigh(next.value);
        queue.push({ item: next.value, weight });
        queued += weight;
        signal();
      }
    } catch (error) {
      failure = { error };
    }
    isDone = true;
    signal();
  };
  const pumping = pump();

  try {
    for (;;) {
      const head = queue.shift();
      if (head) {
        queued -= head.weight;
        signal(); // room for the pump
        yield head.item;
        continue;
      }
      if (failure) throw (failure as { error: unknown }).error;
      if (isDone) return;
      await sleep();
    }
  } finally {
    // A consumer that stops early (an error downstream) closes the source once the pump lets go of it.
    isStopped = true;
    signal();
    if (!isDone) void pumping.then(() => iterator.return?.()).catch(() => undefined);
  }
}
