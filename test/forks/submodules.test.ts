import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitmodulesRows } from '../../src/classifiers/deps/gitmodules.js';
import type { ClassifyContext } from '../../src/classifiers/define.js';
import { parseDiffText } from '../../src/diff/parse.js';
import type { Report } from '../../src/model.js';
import { filesView } from '../../src/reporters/filesView.js';
import { runCli } from '../helpers/runCli.js';
import { sarifErrors } from '../helpers/sarifSchema.js';
import { auditFork } from './auditFork.js';
import type { AuditedFork } from './auditFork.js';

/**
 * fixtures/forks/submodules.mjs: a C program that pins its libraries as git
 * submodules. Upstream bumps json (a CVE) and gvc; the fork bumps zlib and
 * fetches it from its own mirror, adds fmt, and keeps gvc's files in its
 * tree instead of the submodule (pop-os's gnome-shell against GNOME's).
 */
let fork: AuditedFork;
beforeAll(async () => {
  fork = await auditFork('submodules');
});
afterAll(() => fork.remove());

/** Each submodule row as [module, kind, upstream, fork, direction, side]. */
const rows = (report: Report) =>
  report.findings.filter((finding) => finding.category === 'vendored-deps').map((finding) => [
    finding.details['module'], finding.kind, finding.details['upstream'], finding.details['fork'], finding.details['direction'], finding.side,
  ]).sort((a, b) => `${String(a[0])}${String(a[1])}`.localeCompare(`${String(b[0])}${String(b[1])}`));

describe('a fork whose libraries are git submodules', () => {
  it('has a row per submodule whose pin or url differs, with who moved it; none for the one neither side moved', () => {
    expect(rows(fork.git)).toEqual([
      ['extern/fmt', 'submodule', null, '8c0e2a4b6d7f', 'added', 'fork'],
      ['extern/json', 'submodule', '2c4e6a8b0d1f', '1b3c5e7a9d2f', 'changed', 'upstream'],
      ['lib/zlib', 'submodule', '5f7b9d1e3a4c', '6a8c0e2f4b5d', 'changed', 'fork'],
      ['lib/zlib', 'submodule-url', 'https://example.com/zlib.git', 'https://git.launchpad.net/ubuntu/+source/zlib', 'changed', 'fork'],
      // Upstream bumped it, the fork replaced it: both moved.
      ['subprojects/gvc', 'submodule', '4e6a8c0d2f3b', null, 'changed', 'both'],
    ]);
    const json = fork.git.findings.find((finding) => finding.kind === 'submodule' && finding.path === 'extern/json');
    expect(json?.message).toBe('upstream changed submodule extern/json 1b3c5e7a9d2f → 2c4e6a8b0d1f; fork still at 1b3c5e7a9d2f');
    expect(json?.commits).toEqual([fork.fixture.shas['jsonBump']?.slice(0, 12)]);
    expect(fork.git.files.some((file) => file.path === 'lib/keep')).toBe(false);
  });

  it('groups the files the fork keeps where upstream pins a submodule under its row, as a library\'s, not the fork\'s CI or additions', () => {
    const gvc = fork.git.findings.find((finding) => finding.kind === 'submodule' && finding.path === 'subprojects/gvc');
    expect(gvc?.message).toBe('submodule subprojects/gvc: upstream pins it at 4e6a8c0d2f3b; the fork keeps its files in the tree instead (3 files)');
    expect(gvc?.details['vendoredFiles']).toEqual(['subprojects/gvc/.gitlab-ci.yml', 'subprojects/gvc/gvc-mixer-control.c', 'subprojects/gvc/meson.build']);
    const inside = fork.git.files.filter((file) => file.path.startsWith('subprojects/gvc/'));
    expect(inside.map((file) => [file.categories, file.module])).toEqual(Array(3).fill([['vendored-deps'], 'subprojects/gvc']));
    // Reports list them as one row, under the submodule's own directory.
    expect(filesView('vendored-deps', fork.git.files, true).rows.map((row) => row.slice(0, 2))).toContainEqual(['subprojects/gvc/ (3 files)', 'vendored module']);
    // gvc's CI file is no workflow of the fork's; a pin bumped by a fix commit is no missing guard.
    expect(fork.git.findings.filter((finding) => finding.category !== 'vendored-deps' && finding.category !== 'sync').map((finding) => finding.message)).toEqual([]);
  });

  it('gives each row a file to point at in SARIF, valid against the official schema', () => {
    const { status, stdout } = runCli(['v1.0', '--no-fetch', '--format', 'sarif'], { cwd: fork.fixture.clone });
    expect(status).toBe(0);
    const log = JSON.parse(stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(sarifErrors(log)).toEqual([]);
    const located = log.runs[0]?.results.filter((result) => result.ruleId.startsWith('vendored-deps/')).map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri);
    expect(located?.sort()).toEqual(['.gitmodules', 'extern/fmt', 'extern/json', 'lib/zlib', 'subprojects/gvc']);
  });

  it('shows pins as rows, not hunks, unless every hunk is asked for', () => {
    const markdown = (...args: string[]) => runCli(['v1.0', '--no-fetch', '--format', 'markdown', ...args], { cwd: fork.fixture.clone }).stdout;
    expect(markdown()).not.toContain('Subproject commit');
    expect(markdown('--hunks', 'all')).toContain('+Subproject commit 6a8c0e2f4b5d7e9a1c3f6a8c0e2f4b5d7e9a1c3f');
  });

  it('reads pins and modes from the diff alone, without history', () => {
    expect(rows(fork.diffFile)).toEqual(rows(fork.git).map((row) => [...row.slice(0, 4), row[4], null]));
    expect(fork.diffFile.files.find((file) => file.path === 'extern/json')).toMatchObject({ oldMode: '160000', newMode: '160000', categories: ['vendored-deps'] });
  });

  it('names no url of a section a hunk starts inside of', async () => {
    const { files } = await parseDiffText([
      'diff --git a/.gitmodules b/.gitmodules',
      'index 1111111..2222222 100644',
      '--- a/.gitmodules',
      '+++ b/.gitmodules',
      '@@ -2,3 +2,3 @@',
      ' \tpath = lib/zlib',
      '-\turl = https://example.com/zlib.git',
      '+\turl = https://mirror.example.org/zlib.git',
      ' [submodule "extern/json"]',
      '',
    ].join('\n'));
    const context: ClassifyContext = { mode: 'diff-file', readFile: () => Promise.resolve(null), linesOf: () => null, commitSubject: () => null, translate: (text) => text };
    const [gitmodules] = files;
    expect(gitmodules?.path).toBe('.gitmodules');
    if (gitmodules) expect(await gitmodulesRows(gitmodules, context)).toEqual([]);
  });
});
