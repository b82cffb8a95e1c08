import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForkdiffError } from '../../src/errors.js';
import { openGitSource } from '../../src/git/gitSource.js';
import type { GitSourceOptions } from '../../src/git/gitSource.js';
import { buildFixture, git } from './fixtureRepo.js';
import type { ForkFixture } from './fixtureRepo.js';
import { scratchDir } from '../helpers/scratch.js';

let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

const open = (options: Partial<GitSourceOptions>) =>
  openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: true, ...options });

/** The one-line message of the ForkdiffError `promise` rejects with. */
const failure = async (promise: Promise<unknown>): Promise<string> => {
  const error: unknown = await promise.then(
    () => null,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(ForkdiffError);
  const message = (error as ForkdiffError).message;
  expect(message).not.toContain('\n');
  return message;
};

describe('git errors', () => {
  it('outside a repository, says so and points at --diff-file', async () => {
    const dir = scratchDir('norepo');
    const message = await failure(open({ cwd: dir }));
    expect(message).toBe(`not a git repository: ${dir} (run forkdiff inside a clone of the fork, or use --diff-file)`);
  });

  it('names the remotes that exist and the flag for an unknown remote name', async () => {
    expect(await failure(open({ upstream: 'moby' }))).toBe(
      'no remote named "moby" for the upstream side (remotes here: origin, upstream); pass --upstream a remote name, URL or path',
    );
    expect(await failure(open({ origin: 'canonical' }))).toContain('pass --origin');
  });

  it('names the side, remote and ref for an unknown ref on either side', async () => {
    const upstreamMessage = await failure(open({ ref: 'v9.9' }));
    expect(upstreamMessage).toMatch(/^unknown ref "v9\.9" on the upstream side: remote "upstream" has no refs\/heads\/v9\.9/);
    const forkMessage = await failure(open({ ref: 'v0.11', forkRef: 'nope' }));
    expect(forkMessage).toMatch(/^unknown ref "nope" on the fork side: remote "origin" has no refs\/heads\/nope/);
  });

  it('reports a failing fetch with git own reason', async () => {
    const message = await failure(open({ upstream: join(fixture.root, 'missing-repo') }));
    expect(message).toMatch(/^fetching v0\.11 from upstream remote ".*missing-repo" failed: .*does not appear to be a git repository/);
  });

  it('rejects refs and remotes that git would read as options', async () => {
    expect(await failure(open({ ref: '--upload-pack=touch /tmp/x' }))).toContain('invalid ref');
    expect(await failure(open({ upstream: '--upload-pack=x' }))).toContain('invalid upstream remote');
  });

  it('with --no-fetch, says how to get a ref that was never fetched', async () => {
    const message = await failure(open({ ref: 'v0.10', fetch: false }));
    expect(message).toBe('no upstream/v0.10 in this clone for the upstream side (run without --no-fetch to fetch it)');
  });
});

describe('remotes given as a URL or path', () => {
  it('fetches into a private namespace without adding a remote', async () => {
    const configBefore = readFileSync(join(fixture.clone, '.git/config'));
    const source = await open({ upstream: `file://${fixture.upstream}` });
    expect(source.upstream.remote).toBe(`file://${fixture.upstream}`);
    expect(source.srcPrefix).toBe('fx-upstream/v0.11/');
    expect(source.mergeBase).toBe(fixture.shas.branchPoint);
    expect(readFileSync(join(fixture.clone, '.git/config'))).toEqual(configBefore);
    const privateRefs = git(fixture.clone, 'for-each-ref', '--format=%(refname)', 'refs/forkdiff/');
    expect(privateRefs).toMatch(/^refs\/forkdiff\/fx-upstream-[0-9a-f]{8}\/v0\.11$/);
  });

  it('uses the configured remote when the URL is one of its remotes', async () => {
    const source = await open({ upstream: fixture.upstream });
    expect(source.srcPrefix).toBe('upstream/v0.11/');
  });
});
