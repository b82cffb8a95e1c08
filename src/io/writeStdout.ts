import { coalesce } from './coalesce.js';

/**
 * Streams report chunks to stdout, each block written before the next is
 * made (so one block's memory serves the whole report, see coalesce.ts), and
 * so waiting when the reader is slower than forkdiff. A failed write is the
 * stream's 'error' (cli.ts handles a closed pipe), not this promise's.
 */
export async function writeStdout(chunks: Iterable<string>, stream: NodeJS.WriteStream = process.stdout): Promise<void> {
  for (const block of coalesce(chunks, { isReused: true })) {
    await new Promise<void>((resolve) => stream.write(block, () => resolve()));
  }
}
