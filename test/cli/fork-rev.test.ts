import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { buildFixture, git } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { snapshot } from '../helpers/repoSnapshot.js';
import { runCli } from '../helpers/runCli.js';
import { schemaErrors } from '../helpers/schema.js';

/**
 * A pull request job: the fork's drift is accepted in the baseline, then a
 * commit on a detached HEAD (as actions/checkout leaves a PR) references a new
 * secret. `--fork-rev HEAD` gates that commit, not origin/v0.11.
 */
let fixture: ForkFixture & { remove(): void };
let prCommit: string;
beforeAll(async () => {
  fixture = await buildFixture();
  expect(runCli(['baseline', 'v0.11'], { cwd: fixture.clone }).status).toBe(0);
  git(fixture.clone, 'checkout', '-q', '--detach');
  const workflow = join(fixture.clone, '.github/workflows/build.yml');
  const text = readFileSync(workflow, 'utf8');
  writeFileSync(workflow, text.replace('      - run: ./hack/images local image\n', '      - run: ./hack/images local image\n        env:\n          DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}\n'));
  git(fixture.clone, 'commit', '-qam', 'ci: publish images with a deploy key');
  prCommit = git(fixture.clone, 'rev-parse', 'HEAD');
});
afterAll(() => fixture.remove());

const forkdiff = (...args: string[]) => runCli(args, { cwd: fixture.clone });

describe('--fork-rev: a local commit as the fork side', () => {
  it('fails --check on the detached HEAD commit that adds a secret, listing only that, and changes nothing of the user\'s', () => {
    const before = snapshot(fixture.clone);
    const { status, stderr } = forkdiff('v0.11', '--fork-rev', 'HEAD', '--check', '--no-fetch');
    expect(status).toBe(1);
    expect(stderr).toMatch(/^forkdiff check: 1 unexpected finding \(0 expected by rules, \d+ by baseline\)$/m);
    expect(stderr).toMatch(/^workflow {2}\.github\/workflows\/build\.yml {2}[^\n]*secret DEPLOY_KEY[^\n]* {2}\[[0-9a-f]+\]$/m);
    expect(snapshot(fixture.clone)).toEqual(before);
  });

  it('while the fork branch itself still passes', () => {
    const { status, stderr } = forkdiff('v0.11', '--check', '--no-fetch');
    expect(stderr).toMatch(/no unexpected drift/);
    expect(status).toBe(0);
  });

  it('names the commit as the fork side in the report, attributed from the same merge base', () => {
    const { status, stdout } = forkdiff('v0.11', '--fork-rev', 'HEAD', '--no-fetch', '--format', 'json');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(schemaErrors(report)).toEqual([]);
    expect(report.fork).toEqual({ remote: '.', ref: 'HEAD', sha: prCommit });
    expect(report.mergeBase).toBe(fixture.shas.branchPoint);
    expect(report.files.find((file) => file.path === '.github/workflows/build.yml')?.side).toBe('fork');
    expect(report.commits?.forkOnly.map((commit) => commit.subject)).toContain('ci: publish images with a deploy key');
    const table = forkdiff('v0.11', '--fork-rev', 'HEAD', '--no-fetch').stdout;
    expect(table.split('\n')[0]).toBe('forkdiff  upstream/v0.11 → HEAD');
  });

  it('works in a clone without the fork\'s remote', () => {
    const { status, stdout } = runCli(['v0.11', '--upstream', fixture.upstream, '--fork-rev', 'v0.11', '--format', 'json'], { cwd: fixture.fork });
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.fork?.sha).toBe(git(fixture.fork, 'rev-parse', 'v0.11'));
    expect(report.mergeBase).toBe(fixture.shas.branchPoint);
  });

  it.each([
    [['v0.11', '--fork-rev', 'no-such-rev'], /^forkdiff: --fork-rev "no-such-rev" is not a commit in this clone/],
    [['v0.11', '--fork-rev', '--upstream'], /^forkdiff: --fork-rev "--upstream" is not a commit in this clone/],
    [['v0.10', 'v0.11', '--fork-rev', 'HEAD'], /^forkdiff: --fork-rev audits one commit against one upstream ref, but 2 refs were given/],
    [['--diff-file', 'x.diff', '--fork-rev', 'HEAD'], /^forkdiff: --fork-rev needs git mode/],
  ])('%j is one line and exit 2', (args, message) => {
    const { status, stdout, stderr } = forkdiff(...args, '--no-fetch');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
