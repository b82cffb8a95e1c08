// The files of a generated tree: how many of each kind, where they live and
// how many blocks each has. Paths look like buildkit's so that the
// categories (vendored deps, tests, CI, Dockerfiles) get their real share.
const DIRS = ['solver/llbsolver/ops', 'cache/remotecache', 'exporter/containerimage', 'frontend/dockerfile/dockerfile2llb', 'worker/base', 'session/filesync', 'snapshot', 'util/resolver', 'control', 'executor/runcexecutor'];
const MODULES = ['github.com/containerd/containerd', 'github.com/opencontainers/runc', 'google.golang.org/grpc', 'github.com/docker/docker', 'go.opentelemetry.io/otel', 'github.com/klauspost/compress'];
const NAMES = ['exec', 'build', 'source', 'merge', 'file', 'types', 'client', 'codec'];

const PATHS = {
  go: (random, index) => `${random.pick(DIRS)}/${random.pick(NAMES)}_${index}.go`,
  test: (random, index) => `${random.pick(DIRS)}/${random.pick(NAMES)}_${index}_test.go`,
  vendor: (random, index) => `vendor/${random.pick(MODULES)}/${random.pick(['pkg', 'internal', 'api'])}/${random.pick(NAMES)}_${index}.go`,
  doc: (random, index) => `docs/${random.pick(['guide', 'reference', 'notes'])}-${index}.md`,
  dockerfile: (random, index) => (index === 0 ? 'Dockerfile' : `hack/dockerfiles/${random.pick(NAMES)}-${index}.Dockerfile`),
  workflow: (random, index) => `.github/workflows/${random.pick(['build', 'test', 'release'])}-${index}.yml`,
  gomod: () => 'go.mod',
  gosum: () => 'go.sum',
};

/**
 * @param {ReturnType<import('../random.js').createRandom>} random
 * @param {Partial<Record<keyof PATHS, number>>} counts files of each kind
 * @param {[number, number]} blocks the least and most blocks a file has
 * @returns {{ path: string, kind: string, seed: number, blocks: number }[]}
 */
export function planTree(random, counts, [fewest, most]) {
  const files = [];
  for (const [kind, count] of Object.entries(counts)) {
    for (let index = 0; index < count; index += 1) {
      files.push({ path: PATHS[kind](random, index), kind, seed: random.int(1, 0x7fffffff), blocks: random.int(fewest, most) });
    }
  }
  return files;
}
