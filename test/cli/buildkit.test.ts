import { describe, expect, it } from 'vitest';
import type { FileDiff, Report } from '../../src/model.js';
import { buildkitFixture, buildkitSkipReason, hasBuildkitFixture } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';
import { schemaErrors } from '../helpers/schema.js';

if (!hasBuildkitFixture) console.warn(buildkitSkipReason);

describe.skipIf(!hasBuildkitFixture)('forkdiff on the real buildkit v0.11 night', () => {
  const run = (format: string) => runCli(['--diff-file', buildkitFixture, '--format', format]);
  const report = (): Report => JSON.parse(run('json').stdout) as Report;
  const categoriesOf = (files: FileDiff[], path: string) => files.find((file) => file.path === path)?.categories;

  it('reports the totals git apply --numstat gives, and a schema-valid model', () => {
    const json = report();
    expect(schemaErrors(json)).toEqual([]);
    expect(json.totals).toEqual({ files: 108, hunks: 216, additions: 1151, deletions: 1594 });
    expect([json.upstream, json.fork]).toEqual([
      { remote: 'upstream', ref: 'v0.11', sha: null },
      { remote: 'origin', ref: 'v0.11', sha: null },
    ]);
  });

  it('puts every file in the category its path says', () => {
    const { files } = report();
    for (const file of files) {
      if (file.path.startsWith('.github/workflows/')) expect(file.categories).toContain('workflow');
      if (/(^|\/)Dockerfile$|docker-bake\.hcl$/.test(file.path)) expect(file.categories).toContain('dockerfile');
      if (file.path.startsWith('vendor/') || /^go\.(mod|sum)$/.test(file.path) || file.path.endsWith('requirements.txt')) {
        expect(file.categories).toContain('vendored-deps');
      }
    }
    expect(categoriesOf(files, 'Makefile')).toContain('other');
    expect(files.find((file) => file.path === 'Makefile')?.otherKind).toBe('build');
    expect(files.find((file) => file.path === 'docs/rootless.md')?.otherKind).toBe('docs');
    expect(files.find((file) => file.path === 'canonical_utils/artifactory/fetch_from_artifactory.py')?.otherKind).toBe('fork-addition');
  });

  it('groups the 44 vendored files under 4 modules plus vendor/modules.txt', () => {
    const vendored = report().files.filter((file) => file.path.startsWith('vendor/'));
    expect(vendored).toHaveLength(45);
    expect(vendored.filter((file) => file.module !== null)).toHaveLength(44);
    const modules = new Set(vendored.map((file) => file.module));
    expect([...modules].sort()).toEqual([
      'github.com/Microsoft/hcsshim',
      'github.com/containerd/containerd',
      'github.com/containerd/ttrpc',
      'github.com/opencontainers/image-spec',
      null, // vendor/modules.txt
    ]);
    const table = run('table').stdout;
    expect(table).toContain('vendor/github.com/containerd/containerd/ (35 files)');
    expect(table).not.toContain('vendor/github.com/containerd/containerd/archive/tar.go');
  });

  it('writes the nightly markdown byte-identically twice', () => {
    const first = run('markdown');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(run('markdown').stdout);
  });
});
