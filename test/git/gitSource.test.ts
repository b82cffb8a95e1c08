import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiff } from '../../src/diff/parse.js';
import { openGitSource } from '../../src/git/gitSource.js';
import type { FileDiff } from '../../src/model.js';
import { buildFixture, git } from './fixtureRepo.js';
import type { ForkFixture } from './fixtureRepo.js';

let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

const open = (ref: string) =>
  openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref, fetch: true });

describe('openGitSource', () => {
  it('fetches both refs, finds the branch point and names the prefixes like the nightly diff', async () => {
    const source = await open('v0.11');
    expect(source.upstream).toEqual({ remote: 'upstream', ref: 'v0.11', sha: git(fixture.upstream, 'rev-parse', 'v0.11') });
    expect(source.fork).toEqual({ remote: 'origin', ref: 'v0.11', sha: git(fixture.fork, 'rev-parse', 'v0.11') });
    expect(source.mergeBase).toBe(fixture.shas.branchPoint);
    expect([source.srcPrefix, source.dstPrefix]).toEqual(['upstream/v0.11/', 'origin/v0.11/']);
    expect(source.notices).toEqual([]);
    expect(git(fixture.clone, 'rev-parse', 'refs/remotes/upstream/v0.11')).toBe(source.upstream.sha);
  });

  it('streams the upstream → fork diff, which the diff reader parses file by file', async () => {
    const source = await open('v0.11');
    const diff = source.diff();
    const files: FileDiff[] = [];
    for await (const file of readDiff(diff.stdout, { srcPrefix: source.srcPrefix, dstPrefix: source.dstPrefix }).files) files.push(file);
    await diff.done;
    const paths = files.map((file) => file.path);
    expect(paths).toContain('canonical_utils/fetch.py');
    expect(paths).toContain('solver/sbom.go');
    // The leak fix was cherry-picked: identical on both sides, so none of client.go's changed lines is it.
    const changed = files.find((file) => file.path === 'client/client.go')?.hunks.flatMap((hunk) => hunk.lines.filter((line) => line.type !== 'normal'));
    expect(changed?.length).toBeGreaterThan(0);
    expect(changed?.some((line) => line.content.includes('resp.Body.Close()'))).toBe(false);
    const rename = files.find((file) => file.oldPath === 'hack/release-notes.sh');
    expect(rename).toMatchObject({ path: 'hack/release-notes', status: 'renamed' });
    expect(files.find((file) => file.path === 'docs/logo.png')?.isBinary).toBe(true);
  });

  it('reads files at base, upstream and fork, and null where a file is absent', async () => {
    const source = await open('v0.11');
    expect(await source.readFile('upstream', 'solver/sbom.go')).toContain('if ref == nil');
    expect(await source.readFile('fork', 'solver/sbom.go')).not.toContain('if ref == nil');
    expect(await source.readFile('base', 'Dockerfile')).toContain('FROM alpine:3.17 AS base');
    expect(await source.readFile('upstream', 'canonical_utils/fetch.py')).toBeNull();
    expect(await source.readFile('fork', 'canonical_utils/fetch.py')).toContain('ARTIFACTORY_TOKEN');
  });

  it('audits several refs in one clone (v0.10 and v0.11)', async () => {
    const [v010, v011] = [await open('v0.10'), await open('v0.11')];
    expect(v010.mergeBase).toBe(fixture.shas.v010Docs);
    expect(v011.mergeBase).toBe(fixture.shas.branchPoint);
    expect(v010.dstPrefix).toBe('origin/v0.10/');
    const commits = await v010.commits();
    expect(commits?.missingFromFork.map((commit) => commit.subject)).toEqual(['session: fix race on close (backport)']);
    expect(commits?.forkOnly.map((commit) => commit.subject)).toEqual(['Dockerfile: use Ubuntu base image (v0.10)']);
  });

  it('uses refs fetched earlier with --no-fetch', async () => {
    await open('v0.11');
    const source = await openGitSource({ cwd: fixture.clone, upstream: 'upstream', origin: 'origin', ref: 'v0.11', fetch: false });
    expect(source.mergeBase).toBe(fixture.shas.branchPoint);
  });
});
