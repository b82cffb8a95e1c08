import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, git } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import type { Report } from '../../src/model.js';
import { type RunContext, runAction, runJob } from '../helpers/githubWorkflow.js';
import { projectRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';
import { sarifErrors } from '../helpers/sarifSchema.js';

/**
 * The README's workflow, run step by step with bash on fixture repositories:
 * the upstream URL is replaced by the local upstream fixture, and each run
 * starts from a fresh clone of the fork, as a runner's checkout does.
 */
const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const workflow = /```yaml\n(name: drift\n[\s\S]*?)```/.exec(readme)?.[1] ?? '';
const UPSTREAM_URL = 'https://github.com/moby/buildkit.git';

let fixture: ForkFixture & { remove(): void };
let runs = 0;
beforeAll(async () => {
  fixture = await buildFixture();
  // A hosted fork takes pushes to its checked-out branch; this plain repository must be told to.
  git(fixture.fork, 'config', 'receive.denyCurrentBranch', 'updateInstead');
  // The fork accepted today's drift before adopting the workflow.
  expect(runCli(['baseline', 'v0.11', '--upstream', fixture.upstream, '--fork-rev', 'v0.11'], { cwd: fixture.fork }).status).toBe(0);
  git(fixture.fork, 'add', '.forkdiff-baseline.json');
  git(fixture.fork, 'commit', '-qm', 'forkdiff: accept the current drift');
});
afterAll(() => fixture.remove());

/** A runner's checkout: a full clone of the fork on its default branch (v0.11 here: the audited branch itself). */
const checkout = (): RunContext => {
  runs += 1;
  const workspace = join(fixture.root, `run-${runs}`);
  git(fixture.root, 'clone', '-q', fixture.fork, workspace);
  return { event: 'schedule', workspace, summary: join(fixture.root, `summary-${runs}.md`), replace: [[UPSTREAM_URL, fixture.upstream]] };
};
const reportCommits = (): string[] => git(fixture.fork, 'log', '--format=%s', 'v0.11').split('\n').filter((subject) => subject === 'drift report for v0.11');

describe('the README workflow', () => {
  it('is in the README', () => expect(workflow).toMatch(/^jobs:$/m));

  it('nightly: commits the report, then settles; the gate passes every night', () => {
    const committed: number[] = [];
    for (let night = 1; night <= 3; night += 1) {
      const context = checkout();
      const result = runJob(workflow, 'nightly', context);
      expect(result.steps.map((step) => `${step.name}: ${step.status}`)).toEqual([
        'Upstream remote: 0',
        'Report: 0',
        'Commit the report when it changed: 0',
        'Check for undeclared drift: 0',
      ]);
      expect(result.status).toBe('success');
      expect(result.steps[3]?.output).toMatch(/forkdiff check: no unexpected drift/);
      expect(runJob(workflow, 'pull-request', context).status).toBe('skipped');
      committed.push(reportCommits().length);
    }
    // Night 2 adds the notice that the report commit is stepped over; night 3 changes nothing.
    expect(committed).toEqual([1, 2, 2]);
    const report = git(fixture.fork, 'show', 'v0.11:drift.v0.11.md');
    expect(report).toMatch(/^<!-- forkdiff report: /);
    expect(report).not.toMatch(/drift\\?\.v0\\?\.11\\?\.md \|/);
  });

  it('pull request: a commit that passes a new secret to a workflow fails the gate, with an annotation and a summary', () => {
    const context: RunContext = { ...checkout(), event: 'pull_request', baseRef: 'v0.11' };
    git(context.workspace, 'checkout', '-q', '--detach');
    const path = join(context.workspace, '.github/workflows/build.yml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('      - run: ./hack/images local image\n', '      - run: ./hack/images local image\n        env:\n          DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}\n'));
    git(context.workspace, 'commit', '-qam', 'Merge pull request #7: publish with a deploy key');
    expect(runJob(workflow, 'nightly', context).status).toBe('skipped');
    const result = runJob(workflow, 'pull-request', context);
    expect(result.status).toBe('failure');
    expect(result.steps.at(-1)?.name).toBe('Gate the pull request');
    expect(result.steps.at(-1)?.status).toBe(1);
    // The annotation points at the line of the pull request's workflow that passes the secret.
    const annotation = /^::error file=\.github\/workflows\/build\.yml,line=(\d+),title=forkdiff workflow::.*secret DEPLOY_KEY.*$/m.exec(result.steps.at(-1)?.output ?? '');
    expect(annotation).not.toBeNull();
    expect(readFileSync(path, 'utf8').split('\n')[Number(annotation?.[1]) - 1]).toContain('${{ secrets.DEPLOY_KEY }}');
    expect(readFileSync(context.summary, 'utf8')).toMatch(/^## forkdiff check\n\n\*\*1 unexpected finding\*\*/);
  });

  it('pull request: a change that adds no drift passes', () => {
    const context: RunContext = { ...checkout(), event: 'pull_request', baseRef: 'v0.11' };
    git(context.workspace, 'checkout', '-q', '--detach');
    writeFileSync(join(context.workspace, 'canonical_utils/fetch.py'), `${readFileSync(join(context.workspace, 'canonical_utils/fetch.py'), 'utf8')}# retries are the caller's job\n`);
    git(context.workspace, 'commit', '-qam', 'Merge pull request #8: a comment');
    const result = runJob(workflow, 'pull-request', context);
    expect(result.status).toBe('success');
    // The baseline holds the sync plan's findings too; a gate without the plan neither fails on them nor calls them stale.
    expect(readFileSync(join(fixture.fork, '.forkdiff-baseline.json'), 'utf8')).toContain('"category": "sync"');
    expect(result.steps.at(-1)?.output).toContain('forkdiff check: no unexpected drift');
    expect(result.steps.at(-1)?.output).not.toContain('no longer match');
  });
});

describe('action.yml on its own', () => {
  it('passes every input to forkdiff: a SARIF report of a URL upstream, with a config', () => {
    const context = checkout();
    writeFileSync(join(context.workspace, 'forkdiff-ci.yml'), 'refs: [v0.11]\n');
    const steps = runAction({ upstream: fixture.upstream, format: 'sarif', output: 'drift.sarif', config: 'forkdiff-ci.yml', check: 'true' }, context);
    expect(steps.map((step) => step.status)).toEqual([0, 0]);
    expect(sarifErrors(JSON.parse(readFileSync(join(context.workspace, 'drift.sarif'), 'utf8')))).toEqual([]);
  });

  it('refuses a check input that is neither true nor false', () => {
    const steps = runAction({ refs: 'v0.11', check: 'yes' }, checkout());
    expect(steps.at(-1)?.status).toBe(2);
    expect(steps.at(-1)?.output).toBe('::error title=forkdiff::input check must be true or false, not "yes"\n');
  });

  it('leaves the sync plan out for sync: false, and refuses any other value but true', () => {
    const context = checkout();
    const full = runAction({ refs: 'v0.11', upstream: fixture.upstream, format: 'json', output: 'full.json' }, context);
    const lean = runAction({ refs: 'v0.11', upstream: fixture.upstream, format: 'json', output: 'lean.json', sync: 'false' }, context);
    expect([...full, ...lean].map((step) => step.status)).toEqual([0, 0, 0, 0]);
    const read = (name: string): Report => JSON.parse(readFileSync(join(context.workspace, name), 'utf8')) as Report;
    expect(read('full.json').sync).not.toBeNull();
    expect(read('lean.json').sync).toBeNull();
    const steps = runAction({ refs: 'v0.11', sync: 'no' }, context);
    expect(steps.at(-1)?.status).toBe(2);
    expect(steps.at(-1)?.output).toBe('::error title=forkdiff::input sync must be true or false, not "no"\n');
  });

  it('never runs an input as a command', () => {
    const context = checkout();
    const steps = runAction({ refs: 'v0.11; touch pwned', 'fork-rev': '$(touch pwned2)' }, context);
    expect(steps.at(-1)?.status).toBe(2);
    expect(existsSync(join(context.workspace, 'pwned'))).toBe(false);
    expect(existsSync(join(context.workspace, 'pwned2'))).toBe(false);
  });
});
