import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeFiles } from '../../src/attribution/attributeFiles.js';
import { readDiff } from '../../src/diff/parse.js';
import { openGitSource } from '../../src/git/gitSource.js';
import type { FileDiff } from '../../src/model.js';
import { buildFixture, git } from './fixtureRepo.js';
import type { ForkFixture } from './fixtureRepo.js';
import { makeUserMidWork, snapshot } from '../helpers/repoSnapshot.js';

let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

describe('read-only use of the clone', () => {
  it('changes nothing but remote-tracking and private refs in a full run', async () => {
    const clone = fixture.clone;
    makeUserMidWork(clone);
    const refsBefore = git(clone, 'for-each-ref', '--format=%(refname)');
    const before = snapshot(clone);

    for (const [upstream, ref] of [['upstream', 'v0.11'], [fixture.upstream + '/', 'v0.10']] as const) {
      const source = await openGitSource({ cwd: clone, upstream, origin: 'origin', ref, fetch: true });
      const diff = source.diff();
      const files: FileDiff[] = [];
      for await (const file of readDiff(diff.stdout, { srcPrefix: source.srcPrefix, dstPrefix: source.dstPrefix }).files) files.push(file);
      await diff.done;
      await attributeFiles(files, source);
      await source.commits();
      await source.readFile('base', 'go.mod');
    }

    expect(snapshot(clone)).toEqual(before);
    const newRefs = git(clone, 'for-each-ref', '--format=%(refname)')
      .split('\n')
      .filter((ref) => !refsBefore.split('\n').includes(ref));
    expect(newRefs.length).toBeGreaterThan(0);
    expect(newRefs.every((ref) => ref.startsWith('refs/remotes/') || ref.startsWith('refs/forkdiff/'))).toBe(true);
    expect(existsSync(join(clone, '.git/FETCH_HEAD'))).toBe(false);
  });
});
