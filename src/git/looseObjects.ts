import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
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
 */
export const writeLooseObjects = async (directory: string, type: LooseObjectType, bodies: readonly Buffer[], idLength: number): Promise<string[]> => {
  const ids = bodies.map((body) => objectId(type, body, idLength));
  const unique = new Map<string, Buffer>();
  ids.forEach((id, index) => {
    const body = bodies[index];
    if (body && !unique.has(id)) unique.set(id, body);
  });
  const fanOut = new Set([...unique.keys()].map((id) => id.slice(0, 2)));
  await Promise.all([...fanOut].map((prefix) => mkdir(join(directory, prefix), { recursive: true })));
  await Promise.all([...unique].map(([id, body]) =>
    writeFile(join(directory, id.slice(0, 2), id.slice(2)), deflateSync(Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body])))));
  return ids;
};
