const HEADER_END = 10; // '\n'

/** `<oid> <type> <size>`: every other header line is `<name> missing` (or `ambiguous`), whatever the name holds. */
const OBJECT_HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (blob|tree|commit|tag) (\d+)$/;

/**
 * An answer's header at `at`: where it ends and, for an object, its id, type
 * and size; null while incomplete. Read whole against the object form, never
 * split on spaces: a missing name with a space (tofu-ls's `.changes/unreleased/BUG
 * FIXES-….yaml`) once read as an object of size NaN, and every later answer
 * of the run went to the read before it.
 */
const readHeader = (output: Buffer, at: number): { end: number; object: { oid: string; type: string; size: number } | null } | null => {
  const end = output.indexOf(HEADER_END, at);
  if (end === -1) return null;
  const match = OBJECT_HEADER.exec(output.toString('utf8', at, end));
  return { end, object: match ? { oid: match[1] ?? '', type: match[2] ?? '', size: Number(match[3]) } : null };
};

/**
 * One answer of `git cat-file --batch` at `at` in `output`:
 * `<oid> <type> <size>\n<bytes>\n`, or `<name> missing\n` (and `ambiguous`).
 * `blob` is the bytes of a blob, null for anything else; `oid` the object's
 * id, null when there is none; `next` is where the next answer starts. Null
 * when `output` does not hold the whole answer yet.
 */
export const readBatchAnswer = (output: Buffer, at: number): { blob: Buffer | null; oid: string | null; next: number } | null => {
  const header = readHeader(output, at);
  if (header === null) return null;
  const { end, object } = header;
  if (object === null) return { blob: null, oid: null, next: end + 1 };
  if (output.length < end + 1 + object.size + 1) return null;
  return { blob: object.type === 'blob' ? output.subarray(end + 1, end + 1 + object.size) : null, oid: object.oid, next: end + 1 + object.size + 1 };
};

/** The bytes an answer at the start of `output` needs in all, or 0 while its header is incomplete. */
export const answerLength = (output: Buffer): number => {
  const header = readHeader(output, 0);
  if (header === null) return 0;
  return header.object === null ? header.end + 1 : header.end + 1 + header.object.size + 1;
};
