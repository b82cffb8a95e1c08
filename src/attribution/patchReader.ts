import { decodePathField } from '../diff/quotedPath.js';
import type { GitProcess } from '../git/spawnGit.js';

/** A hunk's line ranges as its `@@ -a,b +c,d @@` header gives them. */
export interface HunkRange {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
}

/** One file of a zero-context patch: null paths are `/dev/null` (or unknown). */
export interface PatchFile {
  oldPath: string | null;
  newPath: string | null;
  hunks: HunkRange[];
}

export interface PatchHandlers {
  /** A `%x01%H %P` line of `git log`: the commit whose files follow. */
  commit?(sha: string, parentCount: number): void;
  file(file: PatchFile): void;
  /**
   * A content line of the current file's hunks, `-` or `+` (only decoded when
   * this handler is given, and never past MAX_DECODED_LINE_BYTES). Arrives
   * before `file` is called for that file.
   */
  line?(type: '-' | '+', text: string, file: PatchFile): void;
  /** When given, a content line is decoded and handed to `line` only while this says so (a commit past a cap). */
  isLineWanted?(file: PatchFile): boolean;
}

/**
 * Content lines longer than this are never decoded for `line`: a minified
 * bundle or a generated blob is one line of megabytes (netbox commits its
 * built JavaScript), nothing here looks for such a line, and a history of
 * them held 1.9 GB where each line was kept.
 */
export const MAX_DECODED_LINE_BYTES = 1_000;

const NEWLINE = 10;
const BACKSLASH = 92;
const MINUS = 45;
const PLUS = 43;
const SOH = 1;
const AT = 64;
const LOWER_D = 100;
const LOWER_R = 114;
const COMMA = 44;
const SPACE = 32;
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const marker = (text: string): Buffer => Buffer.from(text, 'utf8');
const FILE = marker('diff --git ');
const OLD = marker('--- ');
const NEW = marker('+++ ');
const RENAME_FROM = marker('rename from ');
const RENAME_TO = marker('rename to ');
const HUNK = marker('@@ -');

/** Whether `buffer[start, end)` begins with `prefix`. */
const startsWith = (buffer: Buffer, start: number, end: number, prefix: Buffer): boolean =>
  end - start >= prefix.length && buffer.compare(prefix, 0, prefix.length, start, start + prefix.length) === 0;

/**
 * `@@ -a[,b] +c[,d] @@` read off the bytes (a count left out is 1), or null
 * for a line that is not one. A `-U0` history has a header per changed run
 * (netbox's upstream log: 628,000 of them), so nothing is made but the range.
 * diff/hunkBuilder's readHunkRange reads the same forms from a saved diff's
 * text, where it also refuses numbers past what is safe: git's own output here
 * has none.
 */
export const readHunkRange = (buffer: Buffer, start: number, end: number): HunkRange | null => {
  if (!startsWith(buffer, start, end, HUNK)) return null;
  // The four numbers in turn (-1: not read); after each start, `,` may bring a count.
  const numbers = [-1, 1, -1, 1];
  let field = 0;
  let at = start + HUNK.length;
  for (; at < end; at += 1) {
    const code = buffer[at] ?? 0;
    if (code >= DIGIT_0 && code <= DIGIT_9) {
      numbers[field] = Math.max(numbers[field] ?? -1, 0) * 10 + code - DIGIT_0;
      continue;
    }
    if (code === COMMA && field % 2 === 0 && numbers[field] !== -1) {
      field += 1;
      numbers[field] = -1; // a count must follow
    } else if (code === SPACE && field <= 1 && numbers[field] !== -1 && buffer[at + 1] === PLUS) {
      field = 2;
      at += 1;
    } else break;
  }
  const [oldStart = -1, oldLines = -1, newStart = -1, newLines = -1] = numbers;
  const isClosed = field >= 2 && buffer[at] === SPACE && buffer[at + 1] === AT && buffer[at + 2] === AT;
  return isClosed && oldStart !== -1 && oldLines !== -1 && newStart !== -1 && newLines !== -1 ? { oldStart, oldLines, newStart, newLines } : null;
};

/** The text of a header line after its marker. */
const after = (buffer: Buffer, start: number, end: number, prefix: Buffer): string => buffer.toString('utf8', start + prefix.length, end);

/**
 * Reads the headers of a `-U0` patch (`git diff` or `git log -p`, prefixes
 * `a/` and `b/`) and hands over paths and hunk ranges. Content lines are
 * skipped by the counts in each hunk header without being decoded, which is
 * what keeps a whole-history patch cheap to read; nothing is kept but the
 * current file's ranges.
 */
export const readPatch = async (stream: AsyncIterable<Buffer | string>, handlers: PatchHandlers): Promise<void> => {
  let file: PatchFile | null = null;
  let toSkip = 0;
  const flush = (): void => {
    if (file && (file.oldPath !== null || file.newPath !== null)) handlers.file(file);
    file = null;
  };
  const onLine = (buffer: Buffer, start: number, end: number): void => {
    const first = buffer[start];
    // `\ No newline at end of file` may sit between a hunk's `-` and `+` lines and is not counted.
    if (first === BACKSLASH) return;
    if (toSkip > 0) {
      toSkip -= 1;
      if (handlers.line && file && (first === MINUS || first === PLUS) && end - start <= MAX_DECODED_LINE_BYTES && handlers.isLineWanted?.(file) !== false) {
        handlers.line(first === MINUS ? '-' : '+', buffer.toString('utf8', start + 1, end), file);
      }
      return;
    }
    // Headers by their first byte: most lines of a long history are hunk headers, each compared once.
    if (first === SOH) {
      flush();
      const [sha = '', ...parents] = buffer.toString('utf8', start + 1, end).trim().split(' ');
      handlers.commit?.(sha, parents.length);
    } else if (first === LOWER_D && startsWith(buffer, start, end, FILE)) {
      flush();
      file = { oldPath: null, newPath: null, hunks: [] };
    } else if (!file) {
      return;
    } else if (first === AT) {
      const range = readHunkRange(buffer, start, end);
      if (!range) return;
      file.hunks.push(range);
      toSkip = range.oldLines + range.newLines;
    } else if (first === MINUS) {
      if (startsWith(buffer, start, end, OLD)) file.oldPath = prefixedPath(after(buffer, start, end, OLD), 'a/');
    } else if (first === PLUS) {
      if (startsWith(buffer, start, end, NEW)) file.newPath = prefixedPath(after(buffer, start, end, NEW), 'b/');
    } else if (first === LOWER_R) {
      if (startsWith(buffer, start, end, RENAME_FROM)) file.oldPath = decodePathField(after(buffer, start, end, RENAME_FROM));
      else if (startsWith(buffer, start, end, RENAME_TO)) file.newPath = decodePathField(after(buffer, start, end, RENAME_TO));
    }
  };
  // An unfinished line's pieces, joined only once its end arrives (a huge line costs one copy). A content
  // line past MAX_DECODED_LINE_BYTES is never joined: only its first byte matters (a bundle's megabyte lines).
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let longContentFirst: number | null = null;
  const onLongContent = (first: number): void => {
    if (first !== BACKSLASH && toSkip > 0) toSkip -= 1;
  };
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let newline = bytes.indexOf(NEWLINE);
    if (newline === -1) {
      if (longContentFirst !== null) continue;
      pending.push(bytes);
      pendingBytes += bytes.length;
      if (toSkip > 0 && pendingBytes > MAX_DECODED_LINE_BYTES) {
        longContentFirst = pending[0]?.[0] ?? 0;
        pending = [];
        pendingBytes = 0;
      }
      continue;
    }
    let start = 0;
    if (longContentFirst !== null) {
      onLongContent(longContentFirst);
      longContentFirst = null;
      start = newline + 1;
      newline = bytes.indexOf(NEWLINE, start);
    } else if (pending.length > 0) {
      const line = Buffer.concat([...pending, bytes.subarray(0, newline)]);
      onLine(line, 0, line.length);
      pending = [];
      pendingBytes = 0;
      start = newline + 1;
      newline = bytes.indexOf(NEWLINE, start);
    }
    for (; newline !== -1; newline = bytes.indexOf(NEWLINE, start)) {
      onLine(bytes, start, newline);
      start = newline + 1;
    }
    // Copied so the chunk the unfinished line came from can be freed.
    if (start < bytes.length) {
      pending.push(Buffer.from(bytes.subarray(start)));
      pendingBytes = bytes.length - start;
    }
  }
  if (longContentFirst !== null) onLongContent(longContentFirst);
  else if (pending.length > 0) {
    const line = Buffer.concat(pending);
    onLine(line, 0, line.length);
  }
  flush();
};

/** `readPatch` over a git process's output, then its exit status; git is stopped if reading fails. */
export const readGitPatch = async (git: GitProcess, handlers: PatchHandlers): Promise<void> => {
  try {
    await readPatch(git.stdout, handlers);
    await git.done;
  } catch (error) {
    git.cancel();
    throw error;
  }
};

/** `a/dir/f` → `dir/f`; `/dev/null` → null. Quoted paths are quoted with their prefix. */
const prefixedPath = (field: string, prefix: string): string | null => {
  const path = decodePathField(field);
  if (path === '/dev/null') return null;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
};
