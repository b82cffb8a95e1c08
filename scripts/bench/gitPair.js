// Builds a real upstream/fork pair for git mode with one `git fast-import`
// stream (thousands of `git commit` calls would take minutes): a base
// commit, three upstream commits after it, and two fork commits that branch
// from the base, so forkdiff finds a merge base and attributes every side.
import { fastImport, initClone } from './pair/clone.js';
import { createRandom } from './random.js';
import { goLine, guardLines } from './text.js';

const LINES_PER_FILE = 240; // ~9 KB of Go, a typical source file
// Measured: an ordinary file that differs adds ~3.3 KB to the two-tip diff.
const DIFF_BYTES_PER_CHANGED_FILE = 3.3 * 1024;
const DIRS = ['solver/llbsolver/ops', 'cache/remotecache', 'exporter', 'frontend/dockerfile', 'worker/base', 'session', 'util/resolver', 'control'];

/** Lines of a file's base version, regenerated from its own seed so nothing is kept. */
const baseLines = (seed, count) => {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => goLine(random));
};

/** Rewrites blocks of `lines` in place between `from` and `to`: guards removed, lines replaced, lines added. */
function edit(lines, random, from, to, blocks) {
  for (let block = 0; block < blocks; block += 1) {
    const at = random.int(from, Math.max(from, to - 12));
    const kind = random.int(0, 2);
    if (kind === 0) lines.splice(at, 0, ...guardLines(random));
    else if (kind === 1) lines.splice(at, random.int(2, 10), ...Array.from({ length: random.int(2, 10) }, () => goLine(random)));
    else lines.splice(at, random.int(1, 4));
  }
  return lines;
}

/**
 * The plan: ordinary files (some changed upstream, some in the fork, some on
 * both sides), a few large vendored files upstream regenerated, and one
 * file far larger than the rest. Sizes scale with the wanted diff size.
 */
function planFiles(targetBytes, random) {
  const files = [];
  // 62% of ordinary files differ; they make ~55% of the diff, the vendored rewrites the rest.
  const ordinary = Math.max(80, Math.round((targetBytes * 0.55) / DIFF_BYTES_PER_CHANGED_FILE / 0.62));
  for (let index = 0; index < ordinary; index += 1) {
    const roll = random.next();
    const side = roll < 0.3 ? 'upstream' : roll < 0.5 ? 'fork' : roll < 0.62 ? 'both' : 'none';
    files.push({ path: `${random.pick(DIRS)}/file_${index}.go`, seed: index + 1, lines: LINES_PER_FILE, side, upstreamCommits: random.int(1, 2) });
  }
  for (let index = 0; index < 10; index += 1) {
    files.push({ path: `vendor/github.com/containerd/containerd/gen/types_${index}.pb.go`, seed: 1e6 + index, lines: Math.round(targetBytes / 80 / 40), side: 'regenerated' });
  }
  files.push({ path: 'vendor/google.golang.org/grpc/internal/generated.pb.go', seed: 2e6, lines: Math.round(targetBytes / 10 / 40), side: 'regenerated' });
  return files;
}

/** Versions of one file: base, after each upstream commit (1..3), after each fork commit (1..2). */
function versions(file, random) {
  const base = baseLines(file.seed, file.lines);
  const upstream = [base];
  const fork = [base];
  const half = Math.floor(base.length / 2);
  for (let commit = 1; commit <= 3; commit += 1) {
    const previous = upstream[commit - 1];
    const touches = (file.side === 'upstream' || file.side === 'both') && commit <= (file.upstreamCommits ?? 1);
    if (file.side === 'regenerated' && commit === 1) upstream.push(baseLines(file.seed + 7_777_777, file.lines));
    else upstream.push(touches ? edit([...previous], random, 0, half, random.int(5, 14)) : previous);
  }
  for (let commit = 1; commit <= 2; commit += 1) {
    const touches = (file.side === 'fork' || file.side === 'both') && commit === 1;
    fork.push(touches ? edit([...fork[commit - 1]], random, half, base.length, random.int(5, 14)) : fork[commit - 1]);
  }
  return { upstream, fork };
}

/** Writes the fast-import stream: every blob (with marks), then the commits that name them. */
async function writeStream(out, files, random) {
  let mark = 0;
  const blob = async (lines) => {
    mark += 1;
    out.line(`blob\nmark :${mark}\ndata <<END_OF_BLOB`);
    for (const line of lines) out.line(line);
    out.line('END_OF_BLOB');
    await out.flushIfFull();
    return mark;
  };
  // marks[i] = { upstream: [base, u1, u2, u3], fork: [base, f1, f2] }, a mark reused when content is the same
  const marks = [];
  for (const file of files) {
    const { upstream, fork } = versions(file, random);
    const seen = new Map();
    const markOf = async (lines) => seen.get(lines) ?? seen.set(lines, await blob(lines)).get(lines);
    const entry = { upstream: [], fork: [] };
    for (const lines of upstream) entry.upstream.push(await markOf(lines));
    for (const lines of fork) entry.fork.push(await markOf(lines));
    marks.push(entry);
  }
  let time = 1_700_000_000;
  const commit = (ref, message, parent, changes) => {
    time += 3600;
    out.line(`commit ${ref}\nmark :${(mark += 1)}\ncommitter Bench <bench@example.com> ${time} +0000\ndata <<END_OF_MESSAGE\n${message}\nEND_OF_MESSAGE`);
    if (parent) out.line(`from ${parent}`);
    for (const change of changes) out.line(change);
    out.line('');
    return `:${mark}`;
  };
  const changed = (side, version) =>
    files.flatMap((file, index) => {
      const list = marks[index][side];
      return list[version] === list[version - 1] ? [] : [`M 100644 :${list[version]} ${file.path}`];
    });
  const base = commit('refs/remotes/upstream/v0.11', 'v0.11.0', null, files.map((file, index) => `M 100644 :${marks[index].upstream[0]} ${file.path}`));
  let upstream = base;
  for (let version = 1; version <= 3; version += 1) {
    upstream = commit('refs/remotes/upstream/v0.11', `fix: backport race and nil-deref fixes (${version})`, upstream, changed('upstream', version));
  }
  let fork = base;
  for (let version = 1; version <= 2; version += 1) {
    fork = commit('refs/remotes/origin/v0.11', `ubuntu: carry fork patches (${version})`, fork, changed('fork', version));
  }
  await out.flush();
}

/**
 * Creates `dir/clone` holding `refs/remotes/upstream/v0.11` and
 * `refs/remotes/origin/v0.11`, with remotes `upstream` and `origin` configured
 * (pointing at empty bare repositories: the bench runs with --no-fetch).
 */
export async function makeGitPair(dir, targetBytes) {
  const clone = initClone(dir);
  const random = createRandom(0xf0e1);
  const files = planFiles(targetBytes, random);
  await fastImport(clone, (out) => writeStream(out, files, random));
  return { clone, files: files.length };
}
