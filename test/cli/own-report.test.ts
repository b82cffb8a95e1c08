import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { REPORT_MARKER } from '../../src/ownReport.js';
import { buildFixture, git } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { runCli } from '../helpers/runCli.js';

/**
 * The nightly job commits its reports to the branch it audits. The next
 * nights, on other machines, must neither audit the reports as the fork's
 * drift nor report a new tip every night. Steps run in order.
 */
let fixture: ForkFixture & { remove(): void };
const reportFiles = ['drift.json', 'drift.txt', 'drift.v0.11.md', 'drift.html'];
let tipBeforeReports: string;
beforeAll(async () => {
  fixture = await buildFixture();
  tipBeforeReports = git(fixture.fork, 'rev-parse', 'v0.11');
  const night = (...args: string[]) => runCli(['v0.11', ...args], { cwd: fixture.clone });
  expect(night('--format', 'markdown', '--output', 'drift.v0.11.md').status).toBe(0);
  expect(night('--no-fetch', '--format', 'json', '--output', 'drift.json').status).toBe(0);
  expect(night('--no-fetch', '--output', 'drift.txt').status).toBe(0);
  expect(night('--no-fetch', '--format', 'html', '--output', 'drift.html').status).toBe(0);
  git(fixture.clone, 'add', ...reportFiles);
  git(fixture.clone, 'commit', '-qm', 'drift reports');
  // The fork is a plain repository with v0.11 checked out, which a hosted one would not be.
  git(fixture.fork, 'config', 'receive.denyCurrentBranch', 'updateInstead');
  git(fixture.clone, 'push', '-q', 'origin', 'HEAD:v0.11');
});
afterAll(() => fixture.remove());

/** Another machine: a fresh clone of the fork, with the upstream remote added. */
const freshClone = (name: string): string => {
  const clone = join(fixture.root, name);
  git(fixture.root, 'clone', '-q', fixture.fork, clone);
  git(clone, 'remote', 'add', 'upstream', fixture.upstream);
  return clone;
};
const jsonReport = (cwd: string): Report => JSON.parse(runCli(['v0.11', '--format', 'json'], { cwd }).stdout) as Report;

describe('reports forkdiff wrote into the audited repository', () => {
  it('markdown starts with the marker line', () => {
    expect(readFileSync(join(fixture.clone, 'drift.v0.11.md'), 'utf8').split('\n')[0]).toBe(REPORT_MARKER);
  });

  it('a tip that only adds reports is not audited, so the nightly markdown settles', () => {
    const clone = freshClone('next-nights');
    const report = jsonReport(clone);
    expect(report.fork?.sha).toBe(tipBeforeReports);
    expect(report.notices).toContain(`the fork's tip only adds forkdiff reports on top of ${tipBeforeReports.slice(0, 12)}: that commit is audited`);
    const night = () => runCli(['v0.11', '--format', 'markdown'], { cwd: clone }).stdout;
    const second = night();
    const first = readFileSync(join(fixture.clone, 'drift.v0.11.md'), 'utf8');
    // The first night's report, and the notice: the job commits once more, then never while the drift stays.
    expect(second.replace(/^> the fork's tip only adds forkdiff reports.*\n\n/m, '')).toBe(first);
    expect(night()).toBe(second);
  });

  it('under the fork\'s later work, each is left out by its content, with a notice naming them', () => {
    writeFileSync(join(fixture.fork, 'UBUNTU.md'), 'Built for Ubuntu.\n');
    git(fixture.fork, 'add', 'UBUNTU.md');
    git(fixture.fork, 'commit', '-qm', 'docs: say the fork builds for Ubuntu');
    const report = jsonReport(freshClone('after-more-work'));
    expect(report.fork?.sha).toBe(git(fixture.fork, 'rev-parse', 'v0.11'));
    const paths = report.files.map((file) => file.path);
    expect(paths).toContain('UBUNTU.md'); // a markdown file of the fork's own is audited
    for (const path of reportFiles) expect(paths).not.toContain(path);
    expect(report.notices).toEqual(['left out 4 reports forkdiff wrote into the repository: drift.html, drift.json, drift.txt, drift.v0.11.md']);
  });
});
