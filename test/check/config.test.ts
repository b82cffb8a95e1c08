import { describe, expect, it } from 'vitest';
import { baselinePath, loadConfig } from '../../src/check/config.js';
import { ForkdiffError } from '../../src/errors.js';
import { useTempDir } from './tempDir.js';

const tmp = useTempDir();

const VALID = `
upstream: upstream
origin: https://github.com/canonical/buildkit.git
refs: [v0.11]
baseline: ci/baseline.json
categories:
  dockerfile: ['hack/**/Dockerfile*']
  vendored-deps: third_party/**
ignore: ['docs/**']
expect:
  - category: dockerfile
    paths: ['Dockerfile']
    kind: base-image
    reason: Ubuntu-based rebuild
  - category: vendored-deps
    module: github.com/containerd/containerd
    direction: downgrade
    reason: pinned to Ubuntu's containerd package
  - category: removed-tests
    test: 'testBasic*CacheImportExport'
    reason: S3/Azure tests run in our own jobs
  - category: workflow
    side: fork
    direction: [upgrade, changed]
    reason: our own CI
`;

async function configError(text: string, name = '.forkdiff.yml'): Promise<string> {
  await tmp.write(name, text);
  const error: unknown = await loadConfig(undefined, tmp.path()).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ForkdiffError);
  return (error as ForkdiffError).message;
}

describe('loadConfig', () => {
  it('loads and normalises a full config', async () => {
    const file = await tmp.write('.forkdiff.yml', VALID);
    const config = await loadConfig(undefined, tmp.path());
    expect(config).toEqual({
      upstream: 'upstream',
      origin: 'https://github.com/canonical/buildkit.git',
      refs: ['v0.11'],
      baseline: 'ci/baseline.json',
      categories: { dockerfile: ['hack/**/Dockerfile*'], 'vendored-deps': ['third_party/**'] },
      ignore: ['docs/**'],
      expect: [
        { category: 'dockerfile', paths: ['Dockerfile'], kind: 'base-image', reason: 'Ubuntu-based rebuild' },
        {
          category: 'vendored-deps',
          module: 'github.com/containerd/containerd',
          direction: ['downgrade'],
          reason: "pinned to Ubuntu's containerd package",
        },
        { category: 'removed-tests', test: 'testBasic*CacheImportExport', reason: 'S3/Azure tests run in our own jobs' },
        { category: 'workflow', side: 'fork', direction: ['upgrade', 'changed'], reason: 'our own CI' },
      ],
      source: file,
    });
    expect(baselinePath(config, undefined, '/elsewhere')).toBe(`${tmp.path()}/ci/baseline.json`);
    expect(baselinePath(config, 'b.json', '/elsewhere')).toBe('/elsewhere/b.json');
  });

  it('treats a missing default file as an empty config', async () => {
    const config = await loadConfig(undefined, tmp.path());
    expect(config).toEqual({
      refs: [],
      baseline: '.forkdiff-baseline.json',
      categories: {},
      ignore: [],
      expect: [],
      source: null,
    });
    expect(baselinePath(config, undefined, tmp.path())).toBe(`${tmp.path()}/.forkdiff-baseline.json`);
  });

  it('treats an empty or comment-only file as an empty config', async () => {
    await tmp.write('.forkdiff.yml', '# nothing yet\n');
    expect((await loadConfig(undefined, tmp.path())).expect).toEqual([]);
  });

  it('reads empty collection keys (all rules commented out) as empty', async () => {
    await tmp.write('.forkdiff.yml', 'refs:\ncategories:\nignore:\nexpect:\n  # - category: workflow\n');
    const config = await loadConfig(undefined, tmp.path());
    expect(config).toMatchObject({ refs: [], categories: {}, ignore: [], expect: [] });
  });

  it('loads a file given with --config', async () => {
    await tmp.write('ci/fd.yml', 'refs: v0.10\n');
    expect((await loadConfig('ci/fd.yml', tmp.path())).refs).toEqual(['v0.10']);
  });

  it('fails on a missing --config file', async () => {
    await expect(loadConfig('nope.yml', tmp.path())).rejects.toThrow(
      new ForkdiffError('nope.yml: config file not found (check --config)'),
    );
  });
});

describe('config errors are one line naming file, key path and what is allowed', () => {
  const cases: [string, string][] = [
    ['expekt: []\n', '.forkdiff.yml: unknown key "expekt" (allowed: upstream, origin, refs, baseline, categories, ignore, expect)'],
    [
      'expect:\n  - category: dockerfile\n    pahts: [a]\n    reason: x\n',
      '.forkdiff.yml: expect[0]: unknown key "pahts" (allowed: category, paths, kind, module, direction, test, side, reason)',
    ],
    ['expect:\n  - category: dockerfile\n', '.forkdiff.yml: expect[0].reason: required (say why this drift is expected)'],
    ['expect:\n  - category: dockerfile\n    reason: "  "\n', '.forkdiff.yml: expect[0].reason: required (say why this drift is expected)'],
    ['expect:\n  - category: dockerfile\n    reason:\n', '.forkdiff.yml: expect[0].reason: required (say why this drift is expected)'],
    [
      'expect:\n  - {category: workflow, reason: a}\n  - {category: workflow, reason: b}\n  - {category: vendored-deps, direction: down, reason: c}\n',
      '.forkdiff.yml: expect[2].direction: must be one of upgrade, downgrade, added, removed, changed (got "down")',
    ],
    [
      'expect:\n  - {category: vendored-deps, direction: [upgrade, sideways], reason: c}\n',
      '.forkdiff.yml: expect[0].direction[1]: must be one of upgrade, downgrade, added, removed, changed (got "sideways")',
    ],
    [
      'expect:\n  - {category: dockerfiles, reason: c}\n',
      '.forkdiff.yml: expect[0].category: must be one of workflow, dockerfile, vendored-deps, reverted-fixes, removed-tests, sync, other (got "dockerfiles")',
    ],
    ['expect:\n  - {reason: c}\n', '.forkdiff.yml: expect[0].category: required'],
    ['expect:\n  - {category: , reason: c}\n', '.forkdiff.yml: expect[0].category: is empty: give a value or remove the key'],
    ['upstream:\nrefs: [v0.11]\n', '.forkdiff.yml: upstream: is empty: give a value or remove the key'],
    ['expect:\n  - {category: workflow, side: ours, reason: c}\n', '.forkdiff.yml: expect[0].side: must be one of fork, upstream, both (got "ours")'],
    ['expect:\n  - {category: workflow, paths: 3, reason: c}\n', '.forkdiff.yml: expect[0].paths: must be a glob or a list of globs (got 3)'],
    ['expect: {category: workflow}\n', '.forkdiff.yml: expect: must be a list of rules (got a mapping)'],
    ['expect:\n  - Dockerfile\n', '.forkdiff.yml: expect[0]: must be a rule with at least category and reason (got "Dockerfile")'],
    ['refs: [0.11]\n', '.forkdiff.yml: refs[0]: must be a ref name (got 0.11; put it in quotes)'],
    [
      'categories:\n  dockerfiles: [x]\n',
      '.forkdiff.yml: categories: unknown key "dockerfiles" (allowed: workflow, dockerfile, vendored-deps, reverted-fixes, removed-tests, other)',
    ],
    ['ignore: [docs/**, ""]\n', '.forkdiff.yml: ignore[1]: must not be empty'],
    ['- a\n- b\n', '.forkdiff.yml: must be a mapping of settings (got a list)'],
    ['upstream: [a]\n', '.forkdiff.yml: upstream: must be a remote name or URL (got a list)'],
    ['refs: [v0.11\n', '.forkdiff.yml: line 2, column 1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['refs: a\nrefs: b\n', '.forkdiff.yml: line 2, column 1: invalid YAML: Map keys must be unique'],
    ['refs: *nowhere\n', '.forkdiff.yml: invalid YAML: Unresolved alias (the anchor must be set before the alias): nowhere'],
  ];
  it.each(cases)('%j', async (text, message) => {
    expect(await configError(text)).toBe(message);
  });

  it('names the --config file as the user gave it', async () => {
    await tmp.write('ci/fd.yml', 'expekt: 1\n');
    await expect(loadConfig('ci/fd.yml', tmp.path())).rejects.toThrow(/^ci\/fd\.yml: unknown key "expekt"/);
  });
});
