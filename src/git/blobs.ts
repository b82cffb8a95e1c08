const HEADER_END = 10; // '\n'

/**
 * One answer of `git cat-file --batch` at `at` in `output`:
 * `<oid> <type> <size>\n<bytes>\n`, or `<name> missing\n` (and `ambiguous`).
 * `blob` is the bytes of a blob, null for anything else; `oid` the object's
 * id, null when there is none; `next` is where the next answer starts. Null
 * when `output` does not hold the whole answer yet.
 */
export const readBatchAnswer = (output: Buffer, at: number): { blob: Buffer | null; oid: string | null; next: number } | null => {
  const end = output.indexOf(HEADER_END, at);
  if (end === -1) return null;
  const header = output.toString('utf8', at, end).split(' ');
  if (header.length !== 3) return { blob: null, oid: null, next: end + 1 };
  const size = Number(header[2]);
  if (output.length < end + 1 + size + 1) return null;
  return { blob: header[1] === 'blob' ? output.subarray(end + 1, end + 1 + size) : null, oid: header[0] ?? null, next: end + 1 + size + 1 };
};

/** The bytes an answer at the start of `output` needs in all, or 0 while its header is incomplete. */
export const answerLength = (output: Buffer): number => {
  const end = output.indexOf(HEADER_END);
  if (end === -1) return 0;
  const header = output.toString('utf8', 0, end).split(' ');
  return header.length === 3 ? end + 1 + Number(header[2]) + 1 : end + 1;
};
