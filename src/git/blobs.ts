import { spawnGit } from './spawnGit.js';

const HEADER_END = 10; // '\n'

/**
 * One answer of `git cat-file --batch` at `at` in `output`:
 * `<oid> <type> <size>\n<bytes>\n`, or `<name> missing\n` (and `ambiguous`).
 * `blob` is the bytes of a blob, null for anything else; `next` is where the
 * next answer starts. Null when `output` does not hold the whole answer yet.
 */
export const readBatchAnswer = (output: Buffer, at: number): { blob: Buffer | null; next: number } | null => {
  const end = output.indexOf(HEADER_END, at);
  if (end === -1) return null;
  const header = output.toString('utf8', at, end).split(' ');
  if (header.length !== 3) return { blob: null, next: end + 1 };
  const size = Number(header[2]);
  if (output.length < end + 1 + size + 1) return null;
  return { blob: header[1] === 'blob' ? output.subarray(end + 1, end + 1 + size) : null, next: end + 1 + size + 1 };
};

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
  while (blobs.length < names.length) {
    const answer = readBatchAnswer(output, at);
    if (answer === null) break;
    blobs.push(answer.blob);
    at = answer.next;
  }
  while (blobs.length < names.length) blobs.push(null);
  return blobs;
};
