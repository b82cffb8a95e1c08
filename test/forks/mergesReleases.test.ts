import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBranches } from '../../src/attribution/branches.js';
import { loadLineHistory } from '../../src/attribution/lineHistory.js';
import { createHistory } from '../../src/git/history.js';
import { openRepo } from '../../src/git/repo.js';
import { git, short } from '../git/fixtureRepo.js';
import { auditFork } from './auditFork.js';
import type { AuditedFork } from './auditFork.js';

/**
 * fixtures/forks/merges-releases.mjs: a fork that merges upstream's release
 * snapshots into its own line (SQLCipher's shape), so the merge base is
 * upstream's tip; its merge of 1.1 gave the Makefile back to upstream, though
 * two of its commits had changed it.
 */
let fork: AuditedFork;
beforeAll(async () => {
  fork = await auditFork('merges-releases');
});
afterAll(() => fork.remove());

const sha = (name: string): string => fork.fixture.shas[name] ?? '';

describe('a fork that has merged upstream\'s last release', () => {
  it('lacks nothing, and merging upstream is clean', () => {
    expect(fork.git.mergeBase).toBe(sha('release12'));
    expect(fork.git.commits?.missingFromFork).toEqual([]);
    expect(fork.git.sync?.merge).toEqual({ clean: true, conflicts: [] });
    expect(fork.git.files.map((file) => [file.path, file.side, file.hunks.map((hunk) => hunk.commits)])).toEqual([
      ['build.sh', 'fork', [[short(sha('buildScript'))]]],
      ['src/codec.c', 'fork', [[sha('codec'), sha('kdf'), sha('constantTime')].map(short)]],
      ['src/pager.c', 'fork', [[short(sha('codec'))], [short(sha('wipe'))]]],
      ['test/codec.test', 'fork', [[short(sha('codecTest'))]]],
    ]);
  });

  it('reads the Makefile commits its merge undid as dropped, the rest as carried by their lines', () => {
    const ledger = Object.fromEntries((fork.git.sync?.carries ?? []).map((carry) => [carry.subject, [carry.status, carry.liveLines]]));
    expect(ledger).toEqual({
      'Add a page codec': ['carried', 11],
      'Makefile: build the codec': ['dropped', 0],
      'Makefile: link libcrypto': ['dropped', 0],
      'build: pass the codec through EXTRA_SRC and EXTRA_LIBS': ['carried', 3],
      'codec: compare keys in constant time': ['carried', 1],
      'codec: derive keys with PBKDF2': ['carried', 1],
      'pager: wipe the key on close': ['carried', 1],
      'test: the codec round-trips a page': ['carried', 5],
    });
  });

  it('follows the lines only of files that differ from the merge base: not the Makefile two commits touched', async () => {
    const { clone } = fork.fixture;
    const history = createHistory(await openRepo(clone));
    const tip = git(clone, 'rev-parse', 'origin/v1.0');
    const base = sha('release12');
    const touched = await history.commitsByPath(base, tip);
    const changed = (await history.changedFiles(base, tip)).paths;
    expect(touched.byPath.get('Makefile')).toEqual([sha('makeCrypto'), sha('makeCodec')]);
    expect(changed.has('Makefile')).toBe(false);
    const lines = await loadLineHistory(history, base, tip, touched, changed, findBranches(touched.parents, tip));
    expect(lines.ownerOf('Makefile', 4)).toBeNull();
    // pager.c, which two commits touched too, is followed: the line its codec commit wrote, the one the wipe did.
    const pager = git(clone, 'show', `${tip}:src/pager.c`).split('\n');
    expect(lines.ownerOf('src/pager.c', pager.indexOf('#include "codec.h"') + 1)).toEqual([sha('codec')]);
    expect(lines.ownerOf('src/pager.c', pager.indexOf('  codecWipe(p);') + 1)).toEqual([sha('wipe')]);
    expect(lines.counts().has(sha('makeCodec'))).toBe(false);
  });
});
