import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPair } from '../../fixtures/lib/pair.mjs';
import { MAX_LINES_PER_HUNK } from '../../src/diff/hunks.js';
import type { Report } from '../../src/model.js';
import { short } from '../git/fixtureRepo.js';
import { runCli } from '../helpers/runCli.js';

/** A build job of `steps` script lines, then the given jobs: one long workflow. */
const workflow = (verb: string, steps: number, jobs: string[]): string => [
  'name: tests',
  'on: [push]',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: |',
  ...Array.from({ length: steps }, (_, index) => `          ${verb} step ${index}`),
  ...jobs.flatMap((job) => [`  ${job}:`, '    runs-on: ubuntu-latest', '    steps:', `      - run: make ${job}`]),
  '',
].join('\n');

/**
 * A workflow whose two-tip diff is one hunk longer than the parser keeps
 * (incus rewrote LXD's 1,500-line tests.yml): the jobs past the kept lines
 * are read from the whole files, and their sides and commits from the sides'
 * histories, as for any changed line.
 */
let dir: string;
let report: Report;
let shas: Record<string, string>;
const STEPS = MAX_LINES_PER_HUNK + 100;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forkdiff-huge-hunk-'));
  const pair = startPair(join(dir, 'fx'), 'main');
  const { upstream, fork, change } = pair;
  change(upstream, 'ci: tests', { '.github/workflows/tests.yml': workflow('echo', STEPS, ['snap']) });
  pair.branchFork();
  shas = {
    rewrite: change(upstream, 'ci: print every step', { '.github/workflows/tests.yml': workflow('printf', STEPS, ['snap']) }),
    coverage: change(upstream, 'ci: upload coverage', { '.github/workflows/tests.yml': workflow('printf', STEPS, ['upload-coverage', 'snap']) }),
    noSnap: change(fork, 'ci: no snap', { '.github/workflows/tests.yml': workflow('echo', STEPS, []) }),
  };
  const { clone } = pair.finish();
  const { status, stdout } = runCli(['main', '--format', 'json', '--category', 'workflow'], { cwd: clone });
  expect(status).toBe(0);
  report = JSON.parse(stdout) as Report;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jobs in a hunk longer than the parser keeps', () => {
  it('is one hunk the parser cut short', () => {
    const [hunk, ...others] = report.files.find((file) => file.path === '.github/workflows/tests.yml')?.hunks ?? [];
    expect(others).toEqual([]);
    expect(hunk?.additions).toBe(STEPS);
    expect(hunk && hunk.additions + hunk.deletions).toBeGreaterThan(MAX_LINES_PER_HUNK);
    expect(hunk?.isTruncated).toBe(true);
  });

  it('gives each job past the kept lines its own side and commit', () => {
    const jobs = report.findings.filter((finding) => finding.kind === 'job-removed').map(({ side, message, commits }) => ({ side, message, commits }));
    expect(jobs).toEqual([
      { side: 'fork', message: 'fork removed job "snap"', commits: [short(shas['noSnap'] ?? '')] },
      { side: 'upstream', message: 'upstream added job "upload-coverage"; fork lacks it', commits: [short(shas['coverage'] ?? '')] },
    ]);
  });
});
