import { spawnGit } from './spawnGit.js';

const HEADER_END = 10; // '\n'

/**
 * The contents of `rev:path` names (null where absent or not a blob), in
 * order, from one `git cat-file --batch`: one process for any number of
 * files instead of two per file.
 */
export const readBlobs = async (cwd: string, names: readonly string[]): Promise<(Buffer | null)[]> => {
  if (names.length === 0) return [];
  // Names with a newline cannot be asked for on cat-file's line protocol; they read as absent.
  const asked = names.map((name) => (name.includes('\n') ? 'forkdiff-unaskable-name' : name));
  const git = spawnGit(cwd, ['cat-file', '--batch'], asked.map((name) => `${name}\n`).join(''));
  const chunks: Buffer[] = [];
  for await (const chunk of git.stdout) chunks.push(chunk as Buffer);
  await git.done;
  const output = Buffer.concat(chunks);
  const blobs: (Buffer | null)[] = [];
  let at = 0;
  for (let index = 0; index < names.length; index += 1) {
    const end = output.indexOf(HEADER_END, at);
    if (end === -1) break;
    const header = output.toString('utf8', at, end).split(' ');
    at = end + 1;
    if (header.length !== 3) {
      blobs.push(null); // `<name> missing` or `ambiguous`
      continue;
    }
    const size = Number(header[2]);
    blobs.push(header[1] === 'blob' ? output.subarray(at, at + size) : null);
    at += size + 1;
  }
  while (blobs.length < names.length) blobs.push(null);
  return blobs;
};
