// One writer per kind of file a fork diff carries. Each writes a whole file
// section and returns nothing; sizes come from the shared output's byte count.
import { writeHeader, writeHunk } from './diffFormat.js';
import { funcContext, goLine, guardLines, proseLine, testFunctionLines, testName } from './text.js';

const DIRS = ['solver/llbsolver/ops', 'cache/remotecache', 'exporter/containerimage', 'frontend/dockerfile/dockerfile2llb', 'worker/base', 'session/filesync', 'snapshot', 'util/resolver', 'control', 'executor/runcexecutor'];
const VENDOR = ['github.com/containerd/containerd', 'github.com/opencontainers/runc', 'google.golang.org/grpc', 'github.com/docker/docker', 'go.opentelemetry.io/otel', 'github.com/klauspost/compress'];

/**
 * Writes a modified file's hunks: each change block gets three lines of
 * context either side, blocks are spread down the file, and the last hunk
 * may end at a line without a newline (the `\` marker on both sides).
 */
function writeChangeHunks(out, random, blocks, { lineOf, context, isMissingNewline = false }) {
  let oldStart = random.int(1, 40);
  let newStart = oldStart;
  blocks.forEach((change, index) => {
    const before = Array.from({ length: 3 }, () => [' ', lineOf()]);
    const isLast = index === blocks.length - 1;
    const after = isLast && isMissingNewline ? [] : Array.from({ length: 3 }, () => [' ', lineOf()]);
    const lines = [...before, ...change, ...after];
    if (isLast && isMissingNewline) lines.push(['-', '}'], ['\\'], ['+', '}'], ['+', '// carried by the fork'], ['\\']);
    const { oldCount, newCount } = writeHunk(out, { oldStart, newStart, context: context?.(), lines });
    const gap = random.int(5, 120);
    oldStart += oldCount + gap;
    newStart += newCount + gap;
  });
}

const removed = (lines) => lines.map((text) => ['-', text]);
const added = (lines) => lines.map((text) => ['+', text]);

/** A change in ordinary Go: a guard the fork lacks, a rewritten line, or added lines. */
function goChange(random) {
  const kind = random.int(0, 2);
  if (kind === 0) return removed(guardLines(random));
  if (kind === 1) return [...removed([goLine(random)]), ...added([goLine(random)])];
  return added(Array.from({ length: random.int(1, 6) }, () => goLine(random)));
}

export function writeGoSource(out, random, index) {
  const path = `${random.pick(DIRS)}/${random.pick(['exec', 'build', 'source', 'merge', 'file'])}_${index}.go`;
  writeHeader(out, random, { path });
  const blocks = Array.from({ length: random.int(1, 6) }, () => goChange(random));
  writeChangeHunks(out, random, blocks, { lineOf: () => goLine(random), context: () => funcContext(random), isMissingNewline: random.chance(0.05) });
}

/** A test file whose fork deleted test functions and dropped them from the test table. */
export function writeGoTest(out, random, index) {
  const path = `${random.pick(['client', 'frontend/dockerfile', 'solver', 'cache'])}/${random.pick(['client', 'build', 'cache'])}_${index}_test.go`;
  writeHeader(out, random, { path });
  const names = Array.from({ length: random.int(1, 3) }, (_, i) => testName(random, index * 10 + i));
  const table = removed(names.map((name) => `\t${name},`));
  const functions = names.map((name) => removed(testFunctionLines(random, name)));
  writeChangeHunks(out, random, [table, ...functions], { lineOf: () => goLine(random) });
}

/** A vendored module file with larger rewrites, as a dependency downgrade leaves them. */
export function writeVendorFile(out, random, index) {
  const path = `vendor/${random.pick(VENDOR)}/${random.pick(['pkg', 'internal', 'api'])}/${random.pick(['types', 'client', 'codec'])}_${index}.go`;
  writeHeader(out, random, { path });
  const blocks = Array.from({ length: random.int(1, 10) }, () => [
    ...removed(Array.from({ length: random.int(2, 80) }, () => goLine(random))),
    ...added(Array.from({ length: random.int(2, 80) }, () => goLine(random))),
  ]);
  writeChangeHunks(out, random, blocks, { lineOf: () => goLine(random) });
}

export function writeDockerfile(out, random, index) {
  const path = random.pick([`hack/dockerfiles/${index}.Dockerfile`, `frontend/dockerfile/Dockerfile.${index}`, `examples/${index}/Dockerfile`]);
  writeHeader(out, random, { path });
  const from = [...removed([`FROM alpine:3.17 AS stage${index}`]), ...added([`FROM ubuntu:22.04 AS stage${index}`])];
  const pin = [...removed(['ARG CONTAINERD_VERSION=v1.6.21']), ...added(['ARG CONTAINERD_VERSION=v1.6.18'])];
  const apt = [...removed(['RUN apk add --no-cache git make']), ...added(['RUN apt-get update && apt-get install -y git make'])];
  writeChangeHunks(out, random, [from, pin, apt], { lineOf: () => `RUN echo ${random.hex(8)}` });
}

/** A workflow whose fork commented a job out and dropped matrix entries. */
export function writeWorkflow(out, random, index) {
  writeHeader(out, random, { path: `.github/workflows/build-${index}.yml` });
  const job = ['  frontend-image:', '    runs-on: ubuntu-22.04', '    needs: [test]', '    steps:', '      - uses: actions/checkout@v3', '      - run: ./hack/images local'];
  const commented = [...removed(job), ...added(job.map((line) => `#${line}`))];
  const matrix = removed(['          - oci-rootless', '          - containerd-1.5', '          - linux/arm/v7']);
  const secret = added(['          password: ${{ secrets.ARTIFACTORY_TOKEN }}']);
  writeChangeHunks(out, random, [commented, matrix, secret], { lineOf: () => `      - run: echo ${random.hex(6)}` });
}

export function writeDoc(out, random, index, path = `docs/${random.pick(['guide', 'reference', 'notes'])}-${index}.md`) {
  writeHeader(out, random, { path });
  const blocks = Array.from({ length: random.int(1, 3) }, () => [...removed([proseLine(random)]), ...added([proseLine(random)])]);
  writeChangeHunks(out, random, blocks, { lineOf: () => proseLine(random), isMissingNewline: random.chance(0.3) });
}

/** A whole file the fork added (or, with `isDeleted`, removed), one hunk. */
export function writeWholeFile(out, random, index, isDeleted = false) {
  const path = isDeleted ? `util/rootless/mountopts/mountopts_${index}_linux.go` : `hack/ubuntu/${random.pick(['publish', 'secrets', 'ghcr'])}_${index}.go`;
  writeHeader(out, random, { path, status: isDeleted ? 'deleted' : 'added' });
  const lines = Array.from({ length: random.int(5, 200) }, () => goLine(random));
  const marker = isDeleted ? '-' : '+';
  const body = lines.map((text) => [marker, text]);
  if (random.chance(0.2)) body.push(['\\']);
  writeHunk(out, { oldStart: 1, newStart: 1, lines: body });
}

/**
 * A renamed and edited Dockerfile. Top level and never a pure rename, on
 * purpose: `git apply -pN` strips N-1 components from `rename from/to`
 * names, so with a two-segment prefix (-p2) it rejects renames in
 * subdirectories and renames without `---`/`+++` lines, and the baseline
 * must be able to read the whole diff.
 */
export function writeRename(out, random, index) {
  writeHeader(out, random, { oldPath: `Dockerfile.alpine-${index}`, path: `Dockerfile.ubuntu-${index}`, status: 'renamed' });
  const from = [...removed([`FROM alpine:3.17 AS base${index}`]), ...added([`FROM ubuntu:22.04 AS base${index}`])];
  writeChangeHunks(out, random, [from], { lineOf: () => `RUN echo ${random.hex(8)}` });
}

export const writeBinary = (out, random, index) => writeHeader(out, random, { path: `docs/images/diagram-${index}.png`, status: 'binary' });

export const writeModeOnly = (out, random, index) => writeHeader(out, random, { path: `hack/scripts/run-${index}.sh`, status: 'mode', hasHunks: false });
