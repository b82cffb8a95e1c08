// Broken and hostile saved diffs, derived from the project's own fixtures
// (fixtures/diffs/**) by seeded mutations: the same seed gives the same
// cases, so a failure found by `npm run fuzz` can be replayed by its number.
import { Buffer } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRandom } from '../bench/random.js';

/** Every fixture diff under `dir`, as bytes, sorted by path so the corpus is stable. */
export function loadCorpus(dir) {
  const walk = (folder) =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(folder, entry.name)) : [join(folder, entry.name)],
    );
  return walk(dir)
    .sort()
    .map((path) => ({ name: relative(dir, path), bytes: readFileSync(path) }));
}

const NL = 0x0a;
const splitLines = (bytes) => {
  const lines = [];
  let start = 0;
  for (let index = bytes.indexOf(NL); index !== -1; index = bytes.indexOf(NL, start)) {
    lines.push(bytes.subarray(start, index));
    start = index + 1;
  }
  lines.push(bytes.subarray(start));
  return lines;
};
const joinLines = (lines) => Buffer.concat(lines.flatMap((line, index) => (index === 0 ? [line] : [Buffer.of(NL), line])));
const text = (value) => Buffer.from(value, 'utf8');
const startsWith = (line, prefix) => line.subarray(0, prefix.length).toString('latin1') === prefix;

const HEADER_PREFIXES = ['diff --git ', '--- ', '+++ ', 'rename from ', 'rename to ', 'copy from ', 'copy to ', 'similarity index ', 'new file mode ', 'deleted file mode ', 'old mode ', 'new mode ', 'index ', 'Binary files '];

/** Header lines a broken tool, a bad merge or an attacker could write. */
const BAD_HEADERS = [
  'diff --git xx', 'diff --git ', 'diff --git a/ b/', 'diff --git "a/unterminated b/x', 'diff --cc', 'rename to ', 'rename from ',
  'copy to ', '--- /dev/null', '+++ /dev/null', '--- ', '+++ ', '--- "a/\\377\\376"', '+++ "b/ci\\rx/Dockerfile"',
  'similarity index 999%', 'similarity index -5%', 'similarity index abc%', 'similarity index 99999999999999999999999%',
  'new file mode ', 'deleted file mode 100644', 'old mode \u0000', 'Binary files  and  differ', 'GIT binary patch',
  'index 0000000..zzzzzzz 100644', '@@ -1 +1 @@', '@@ -0,0 +0,0 @@', '@@@ -1,2 -1,2 +1,3 @@@',
];

const HOSTILE_TEXT = [
  '::stop-commands::pwned', '::warning title=x::y', '##[add-mask]secret', '\u2028', '\u2029', '\u200b', '\ufeff',
  '\u001b[2J\u001b]0;title\u0007', '</details><script>', '| a | b |', '```', '\u202e', '\r',
];

const hugeCount = (random) =>
  random.pick(['0', '1', '999999', '4294967296', '9007199254740993', '1'.repeat(random.int(20, 400)), String(random.int(2, 50))]);

/** Each mutation: (bytes, random, corpus) → bytes. */
export const MUTATIONS = {
  flipBytes(bytes, random) {
    const out = Buffer.from(bytes);
    for (let count = random.int(1, 8); count > 0 && out.length > 0; count -= 1) out[random.int(0, out.length - 1)] = random.int(0, 255);
    return out;
  },
  truncate: (bytes, random) => bytes.subarray(0, random.int(0, bytes.length)),
  corruptHeader(bytes, random) {
    const lines = splitLines(bytes);
    const headers = lines.map((line, index) => (HEADER_PREFIXES.some((prefix) => startsWith(line, prefix)) ? index : -1)).filter((index) => index >= 0);
    const at = headers.length > 0 ? random.pick(headers) : random.int(0, lines.length - 1);
    lines[at] = text(random.pick(BAD_HEADERS));
    return joinLines(lines);
  },
  lyingHunkCount(bytes, random) {
    const lines = splitLines(bytes);
    const hunks = lines.map((line, index) => (startsWith(line, '@@ ') ? index : -1)).filter((index) => index >= 0);
    if (hunks.length === 0) return bytes;
    const at = random.pick(hunks);
    const header = lines[at].toString('latin1');
    lines[at] = Buffer.from(header.replace(/\d+/g, (number) => (random.chance(0.5) ? hugeCount(random) : number)), 'latin1');
    return joinLines(lines);
  },
  insertNul(bytes, random) {
    const at = random.int(0, bytes.length);
    return Buffer.concat([bytes.subarray(0, at), Buffer.alloc(random.int(1, 4)), bytes.subarray(at)]);
  },
  lineEnds(bytes, random) {
    const mode = random.pick(['crlf', 'cr', 'some']);
    const lines = splitLines(bytes);
    if (mode === 'cr') return Buffer.concat(lines.flatMap((line) => [line, Buffer.of(0x0d)]));
    return joinLines(lines.map((line) => (mode === 'crlf' || random.chance(0.3) ? Buffer.concat([line, Buffer.of(0x0d)]) : line)));
  },
  longLine(bytes, random, _corpus, limits) {
    const lines = splitLines(bytes);
    const prefix = random.pick(['+', '-', ' ', '', 'diff --git a/', '--- a/', '@@ -1 +1 @@ ']);
    const body = Buffer.alloc(random.int(1, limits.longLineBytes), random.pick(['x', 'é', '\u0000', '/']));
    lines.splice(random.int(0, lines.length), 0, Buffer.concat([text(prefix), body]));
    return joinLines(lines);
  },
  invalidUtf8(bytes, random) {
    const at = random.int(0, bytes.length);
    const junk = Buffer.from(Array.from({ length: random.int(1, 6) }, () => random.int(0x80, 0xff)));
    return Buffer.concat([bytes.subarray(0, at), junk, bytes.subarray(at)]);
  },
  noNewlineMarker(bytes, random) {
    const lines = splitLines(bytes);
    const hunks = lines.map((line, index) => (startsWith(line, '@@ ') ? index + 1 : -1)).filter((index) => index >= 0);
    const at = hunks.length > 0 && random.chance(0.7) ? random.pick(hunks) : random.int(0, lines.length);
    lines.splice(at, 0, text('\\ No newline at end of file'));
    return joinLines(lines);
  },
  shuffleLines(bytes, random) {
    const lines = splitLines(bytes);
    if (lines.length < 2) return bytes;
    const from = random.int(0, lines.length - 1);
    const to = random.int(0, lines.length - 1);
    const action = random.pick(['delete', 'duplicate', 'swap']);
    if (action === 'delete') lines.splice(from, 1);
    else if (action === 'duplicate') lines.splice(to, 0, lines[from]);
    else [lines[from], lines[to]] = [lines[to], lines[from]];
    return joinLines(lines);
  },
  hostileText(bytes, random) {
    const lines = splitLines(bytes);
    const at = random.int(0, lines.length - 1);
    const line = lines[at];
    const cut = random.int(0, line.length);
    lines[at] = Buffer.concat([line.subarray(0, cut), text(random.pick(HOSTILE_TEXT)), line.subarray(cut)]);
    return joinLines(lines);
  },
  splice(bytes, random, corpus) {
    const other = splitLines(random.pick(corpus).bytes);
    const lines = splitLines(bytes);
    const start = random.int(0, other.length - 1);
    lines.splice(random.int(0, lines.length), 0, ...other.slice(start, start + random.int(1, 12)));
    return joinLines(lines);
  },
};

const NAMES = Object.keys(MUTATIONS);

/**
 * Case `index` of the campaign seeded with `seed`: a fixture and one to
 * three mutations, named so a failure says what was done.
 */
export function makeCase(corpus, seed, index, limits = { longLineBytes: 256 * 1024 }) {
  const random = createRandom((seed * 1_000_003 + index) >>> 0);
  const source = random.pick(corpus);
  let bytes = source.bytes;
  const applied = [];
  for (let count = random.int(1, 3); count > 0; count -= 1) {
    const name = random.pick(NAMES);
    bytes = MUTATIONS[name](bytes, random, corpus, limits);
    applied.push(name);
  }
  return { index, name: `${source.name} + ${applied.join(' + ')}`, bytes };
}
