import { once } from 'node:events';
import { coalesce } from './coalesce.js';

/** Streams report chunks to stdout, waiting when the reader is slower than forkdiff. */
export async function writeStdout(chunks: Iterable<string>, stream: NodeJS.WriteStream = process.stdout): Promise<void> {
  for (const block of coalesce(chunks)) {
    if (!stream.write(block)) await once(stream, 'drain');
  }
}
