// The pieces of git's diff format, written exactly as `git diff` prints them,
// so that `git apply --numstat` accepts the same file as a baseline.
import { Buffer } from 'node:buffer';

export const SRC_PREFIX = 'upstream/v0.11/';
export const DST_PREFIX = 'origin/v0.11/';
export const NO_NEWLINE = '\\ No newline at end of file';

/**
 * git's quote_c_style (core.quotePath on): names with bytes ≥ 0x80, control
 * characters, `"` or `\` are double-quoted with octal escapes of their UTF-8.
 */
export function quotePath(name) {
  const bytes = Buffer.from(name, 'utf8');
  if (!bytes.some((byte) => byte < 0x20 || byte >= 0x7f || byte === 0x22 || byte === 0x5c)) return name;
  let out = '"';
  for (const byte of bytes) {
    if (byte === 0x22 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte === 0x09) out += '\\t';
    else if (byte === 0x0a) out += '\\n';
    else if (byte < 0x20 || byte >= 0x7f) out += `\\${byte.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(byte);
  }
  return `${out}"`;
}

/**
 * The `diff --git` header of one file. `status` is one of modified, added,
 * deleted, renamed, mode, binary. git ends `---`/`+++` names that contain a
 * space with a tab, so a reader can tell the name from a timestamp.
 */
export function writeHeader(out, random, { path, oldPath = path, status = 'modified', hasHunks = true }) {
  const a = quotePath(SRC_PREFIX + oldPath);
  const b = quotePath(DST_PREFIX + path);
  out.line(`diff --git ${a} ${b}`);
  const index = `index ${random.hex(7)}..${random.hex(7)}`;
  if (status === 'added') out.line(`new file mode 100644\nindex 0000000..${random.hex(7)}`);
  else if (status === 'deleted') out.line(`deleted file mode 100644\n${index.replace(/\.\.\w+$/, '..0000000')}`);
  else if (status === 'mode') out.line('old mode 100644\nnew mode 100755');
  else if (status === 'renamed') {
    out.line(`similarity index ${hasHunks ? random.int(60, 99) : 100}%\nrename from ${quotePath(oldPath)}\nrename to ${quotePath(path)}`);
    if (hasHunks) out.line(`${index} 100644`);
  } else out.line(`${index} 100644`);
  if (status === 'binary') {
    out.line(`Binary files ${a} and ${b} differ`);
    return;
  }
  if (!hasHunks) return;
  const tab = (name) => (name.includes(' ') ? '\t' : '');
  out.line(`--- ${status === 'added' ? '/dev/null' : a + tab(oldPath)}`);
  out.line(`+++ ${status === 'deleted' ? '/dev/null' : b + tab(path)}`);
}

/** `-12,7` / `-12` (a count of 1 is left out) / `-0,0`, as git prints ranges. */
const range = (start, count) => (count === 1 ? `${start}` : `${start},${count}`);

/**
 * One hunk from `[marker, text]` pairs (marker ' ', '-', '+', or '\\' for the
 * no-newline marker); the header's counts are derived, so they are right.
 */
export function writeHunk(out, { oldStart, newStart, context = '', lines }) {
  let oldCount = 0;
  let newCount = 0;
  for (const [marker] of lines) {
    if (marker !== '+' && marker !== '\\') oldCount += 1;
    if (marker !== '-' && marker !== '\\') newCount += 1;
  }
  const oldAt = oldCount === 0 ? oldStart - 1 : oldStart;
  const newAt = newCount === 0 ? newStart - 1 : newStart;
  out.line(`@@ -${range(oldAt, oldCount)} +${range(newAt, newCount)} @@${context ? ` ${context}` : ''}`);
  for (const [marker, text] of lines) out.line(marker === '\\' ? NO_NEWLINE : marker + text);
  return { oldCount, newCount };
}
