import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** The kinds of object forkdiff writes itself. */
export type LooseObjectType = 'commit';

/**
 * The id git gives an object: the hash of `<type> <size>\0<body>`, in the
 * repository's object format, told by the length of any of its ids (40 hex
 * digits for SHA-1, 64 for SHA-256).
 */
export const objectId = (type: LooseObjectType, body: Buffer, idLength: number): string =>
  createHash(idLength === 64 ? 'sha256' : 'sha1').update(`${type} ${body.length}\0`).update(body).digest('hex');

/**
 * Writes objects into an object directory as git's loose objects (zlib of
 * header and body at `xx/yyyy…`), which is what `git hash-object -w` does,
 * without its process or a file per object to read them from: a sync plan
 * far behind writes thousands of scratch commits. Equal bodies are written
 * once. Returns the ids in order.
 *
 * Synchronous on purpose (500 small files: about 10-25 ms): Ctrl-C removes
 * the store between two tasks, never while a write is in flight, so a
 * directory made during the removal cannot keep the store alive; a store
 * already removed fails the writes (ENOENT) instead of being made again.
 */
export const writeLooseObjects = (directory: string, type: LooseObjectType, bodies: readonly Buffer[], idLength: number): string[] => {
  const ids = bodies.map((body) => objectId(type, body, idLength));
  const made = new Set<string>();
  const written = new Set<string>();
  ids.forEach((id, index) => {
    const body = bodies[index];
    if (!body || written.has(id)) return;
    written.add(id);
    const fanOut = join(directory, id.slice(0, 2));
    if (!made.has(fanOut)) makeDirectory(fanOut);
    made.add(fanOut);
    writeFileSync(join(fanOut, id.slice(2)), deflateSync(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body])));
  });
  return ids;
};

/** mkdir, not recursive (see above); one an earlier batch made is fine. */
const makeDirectory = (path: string): void => {
  try {
    mkdirSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
};
