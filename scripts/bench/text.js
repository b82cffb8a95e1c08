// Line generators for the synthetic diff: Go, Dockerfile, workflow YAML and
// prose that look like what a buildkit fork diff carries, so the classifiers
// do their real work (guards, test functions, pins) rather than skip noise.

const NAMES = ['ref', 'res', 'mount', 'snapshot', 'cache', 'worker', 'solver', 'session', 'llb', 'op', 'dgst', 'desc', 'img', 'layer', 'job'];
const TYPES = ['Solver', 'Worker', 'Ref', 'Manager', 'Exporter', 'Importer', 'Resolver', 'Controller', 'Snapshotter', 'Frontend'];
const VERBS = ['Load', 'Resolve', 'Export', 'Prune', 'Release', 'Commit', 'Mount', 'Walk', 'Build', 'Solve'];

/** An ordinary Go statement, indented by `depth` tabs. */
export function goLine(random, depth = 1) {
  const tabs = '\t'.repeat(depth);
  const a = random.pick(NAMES);
  const b = random.pick(NAMES);
  const v = random.pick(VERBS);
  switch (random.int(0, 9)) {
    case 0: return `${tabs}${a}, err := ${b}.${v}(ctx, ${random.pick(NAMES)}ID)`;
    case 1: return `${tabs}if err != nil {`;
    case 2: return `${tabs}\treturn nil, errors.Wrapf(err, "failed to ${v.toLowerCase()} ${a} %s", ${b}.ID())`;
    case 3: return `${tabs}}`;
    case 4: return `${tabs}${a}s = append(${a}s, ${b}${random.int(0, 9)})`;
    case 5: return `${tabs}bklog.G(ctx).Debugf("${v.toLowerCase()} ${a}: %v", ${b})`;
    case 6: return `${tabs}defer ${a}.Release(context.TODO())`;
    case 7: return `${tabs}for _, ${a} := range ${b}.${random.pick(TYPES)}s() {`;
    case 8: return '';
    default: return `${tabs}${a}.${v}${random.pick(TYPES)}(${b}, ${random.int(0, 4096)})`;
  }
}

/** A fix upstream has and a fork may lack: nil checks, error handling, locks, context checks. */
export function guardLines(random) {
  const a = random.pick(NAMES);
  switch (random.int(0, 4)) {
    case 0: return [`\t\tif ${a} == nil {`, '\t\t\tcontinue', '\t\t}'];
    case 1: return ['\tif err != nil {', `\t\treturn nil, errors.Wrap(err, "${a} failed")`, '\t}'];
    case 2: return ['\ts.mu.Lock()', '\tdefer s.mu.Unlock()'];
    case 3: return ['\tif err := ctx.Err(); err != nil {', '\t\treturn err', '\t}'];
    default: return [`\tif len(${a}s) == 0 {`, `\t\treturn nil, errors.Errorf("no ${a} found")`, '\t}'];
  }
}

export const funcContext = (random) =>
  `func (${random.pick(NAMES).charAt(0)} *${random.pick(TYPES)}) ${random.pick(VERBS)}(ctx context.Context) error {`;

export const testName = (random, index) => `test${random.pick(VERBS)}${random.pick(TYPES)}${index}`;

/** A whole integration-style test function, as removed from the fork's test files. */
export function testFunctionLines(random, name) {
  const lines = [`func ${name}(t *testing.T, sb integration.Sandbox) {`, '\tc, err := New(sb.Context(), sb.Address())', '\trequire.NoError(t, err)', '\tdefer c.Close()', ''];
  const body = random.int(6, 30);
  for (let i = 0; i < body; i += 1) lines.push(goLine(random, 1));
  lines.push('}', '');
  return lines;
}

export const proseLine = (random) =>
  `The ${random.pick(NAMES)} ${random.pick(['worker', 'exporter', 'frontend', 'cache'])} ${random.pick(['loads', 'resolves', 'exports', 'prunes'])} ${random.pick(NAMES)} records before ${random.pick(VERBS).toLowerCase()}ing them (see #${random.int(1000, 4999)}).`;

export const GO_MODULES = [
  ['github.com/containerd/containerd', 'v1.6.21', 'v1.6.18'],
  ['github.com/opencontainers/runc', 'v1.1.5', 'v1.1.3'],
  ['google.golang.org/grpc', 'v1.53.0', 'v1.50.1'],
  ['github.com/moby/sys/mountinfo', 'v0.6.2', 'v0.6.1'],
  ['golang.org/x/net', 'v0.8.0', 'v0.7.0'],
  ['github.com/docker/docker', 'v23.0.6+incompatible', 'v23.0.1+incompatible'],
  ['go.opentelemetry.io/otel', 'v1.14.0', 'v1.4.1'],
  ['github.com/klauspost/compress', 'v1.16.3', 'v1.15.12'],
];
