// What each kind of generated file looks like. A file is a header, then
// blocks of a frame and a body: commits only ever rewrite bodies, and a frame
// is FRAME_LINES lines long, so the changes of two blocks always land in
// separate hunks (git joins hunks less than 2 × 3 context lines apart) and
// a hunk's context is the same on every side. That is what lets a
// cherry-pick on the fork carry the same patch-id as its upstream commit.
import { goLine, guardLines, proseLine } from '../text.js';

export const FRAME_LINES = 7;

const TYPES = ['Solver', 'Worker', 'Manager', 'Exporter', 'Resolver', 'Snapshotter'];
const count = (random, min, max, make) => Array.from({ length: random.int(min, max) }, make);
const version = (random) => `v1.${random.int(0, 30)}.${random.int(0, 9)}`;

/** Go source (also tests and vendored code): upstream bodies often add a guard, as fixes do. */
const go = {
  header: (path) => [`// Package ${path.split('/').at(-2) ?? 'main'}: generated for the bench.`, `package ${path.split('/').at(-2)?.replace(/\W/g, '') || 'main'}`, '', 'import "context"'],
  frame: (random, path, block) => [
    '}',
    '',
    `// ${TYPES[block % TYPES.length]}${block} keeps block ${block} of ${path}.`,
    `func (s *${TYPES[block % TYPES.length]}) Step${block}(ctx context.Context) error {`,
    goLine(random),
    goLine(random),
    goLine(random),
  ],
  body: (random, flavour) => [
    ...count(random, 1, flavour === 'base' ? 4 : 3, () => goLine(random)),
    ...(flavour === 'upstream' && random.chance(0.4) ? guardLines(random) : []),
  ],
};

/** Test files: the fork skips tests where upstream runs them. */
const test = {
  ...go,
  body: (random, flavour) => (flavour === 'fork' && random.chance(0.5) ? ['\tt.Skip("not on this platform")'] : go.body(random, flavour)),
};

/** Dockerfile stages: the fork moves bases to ubuntu and pins containerd back. */
const dockerfile = {
  header: () => ['# syntax=docker/dockerfile:1'],
  frame: (random, path, block) => ['', `# --- stage ${block} ---`, `ARG STAGE_${block}=s${block}`, `# keeps ${path} stage ${block} apart`, '#', `# stage ${block} builds ${random.hex(8)}`, '#'],
  body: (random, flavour) => {
    const isFork = flavour === 'fork';
    return [
      `FROM ${isFork ? 'ubuntu:22.04' : `alpine:3.${random.int(15, 19)}`} AS stage${random.int(0, 99)}`,
      `ARG CONTAINERD_VERSION=v1.6.${isFork ? random.int(10, 18) : random.int(19, 30)}`,
      isFork ? 'RUN apt-get update && apt-get install -y git make' : 'RUN apk add --no-cache git make',
    ];
  },
};

/** A GitHub workflow, one job per block: the fork comments steps out and adds secrets. */
const workflow = {
  header: () => ['name: build', 'on: [push, pull_request]', 'jobs:'],
  frame: (random, path, block) => [`  job${block}:`, '    runs-on: ubuntu-22.04', `    # job ${block} of ${path}`, '    strategy:', '      matrix:', `        worker: [containerd, oci, oci-rootless-${block}]`, '    steps:'],
  body: (random, flavour) => {
    const run = `      - run: ./hack/test ${random.hex(6)}`;
    if (flavour === 'fork') return [`#${run}`, '      - run: echo "${{ secrets.ARTIFACTORY_TOKEN }}" | docker login -u bot --password-stdin'];
    return [`      - uses: actions/checkout@v${random.int(3, 4)}`, run];
  },
};

/** go.mod requires: upstream bumps, the fork pins older versions. */
const gomod = {
  header: () => ['module github.com/moby/buildkit', '', 'go 1.21'],
  frame: (random, path, block) => ['', `// group ${block}`, ...Array.from({ length: 5 }, (_, index) => `require github.com/frame/g${block}m${index} v1.0.${index}`)],
  body: (random) => count(random, 1, 3, (_, index) => `require github.com/dep/m${random.int(0, 9)}x${index} ${version(random)}`),
};

const gosum = {
  header: () => [],
  frame: (random, path, block) => Array.from({ length: FRAME_LINES }, (_, index) => `github.com/frame/g${block}m${index} v1.0.${index} h1:${random.hex(43)}=`),
  body: (random) => count(random, 1, 3, (_, index) => `github.com/dep/m${random.int(0, 9)}x${index} ${version(random)} h1:${random.hex(43)}=`),
};

const doc = {
  header: (path) => [`# ${path}`],
  frame: (random, path, block) => ['', `## Part ${block}`, '', proseLine(random), proseLine(random), proseLine(random), ''],
  body: (random) => count(random, 1, 3, () => proseLine(random)),
};

export const KINDS = { go, test, vendor: go, dockerfile, workflow, gomod, gosum, doc };
