import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickAllOnto, pickOnto } from '../../src/git/forecast.js';
import { openRepo } from '../../src/git/repo.js';
import type { Repo } from '../../src/git/repo.js';
import { openScratchObjects } from '../../src/git/scratchObjects.js';
import type { ScratchObjects } from '../../src/git/scratchObjects.js';
import { git } from './fixtureRepo.js';
import { scratchDir } from '../helpers/scratch.js';

/**
 * A fork far behind: 80 upstream commits, each changing one file, on top of
 * a base the fork changed ten of those files in. Enough picks for the batch
 * to run as two merge-tree processes, whose results must come back in order.
 */
const PICKS = 80;
const FORK_CHANGED = 10;

let repo: Repo;
let scratch: ScratchObjects;
let forkTree: string;
let picks: { commit: string; parent: string }[];
let removeRepo: () => void;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'forkdiff-picks-'));
  removeRepo = () => rmSync(dir, { recursive: true, force: true });
  const cwd = join(dir, 'repo');
  mkdirSync(cwd);
  const commit = (message: string): void => void git(cwd, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-am', message);
  git(cwd, 'init', '-q', '-b', 'upstream');
  for (let index = 0; index < PICKS; index += 1) writeFileSync(join(cwd, `file${index}.txt`), `line one of ${index}\nline two\n`);
  git(cwd, 'add', '.');
  commit('base');
  git(cwd, 'branch', 'fork');
  for (let index = 0; index < PICKS; index += 1) {
    writeFileSync(join(cwd, `file${index}.txt`), `line one of ${index}, upstream\nline two\n`);
    commit(`upstream ${index}`);
  }
  git(cwd, 'checkout', '-q', 'fork');
  for (let index = 0; index < FORK_CHANGED; index += 1) writeFileSync(join(cwd, `file${index}.txt`), `line one of ${index}, fork\nline two\n`);
  commit('fork');
  repo = await openRepo(cwd);
  scratch = await openScratchObjects(repo);
  forkTree = git(cwd, 'rev-parse', 'fork^{tree}').trim();
  picks = git(cwd, 'log', '--reverse', '--format=%H %P', 'fork..upstream').trim().split('\n').map((line) => {
    const [sha = '', parent = ''] = line.split(' ');
    return { commit: sha, parent };
  });
});
afterAll(async () => {
  await scratch.remove();
  removeRepo();
});

describe('pickAllOnto', () => {
  it('forecasts a big batch in two merge-tree processes, each pick as one merge of its own would', async () => {
    const trace = join(scratchDir('pick-trace'), 'trace.txt');
    // The scratch store's environment goes to every git process of the batch.
    const batched = await pickAllOnto(repo, { ...scratch, env: { ...scratch.env, GIT_TRACE: trace } }, forkTree, picks);
    expect(readFileSync(trace, 'utf8').split('\n').filter((line) => /built-in: git merge-tree --stdin/.test(line))).toHaveLength(2);
    expect(batched).toHaveLength(PICKS);
    const alone = [];
    for (const { commit, parent } of picks) alone.push(await pickOnto(repo, scratch, forkTree, commit, parent));
    expect(batched).toEqual(alone);
    // The fork changed the first ten files' first line: those picks conflict there, the rest are clean.
    expect(batched?.map((result) => result.conflicts.map((conflict) => conflict.path))).toEqual(
      picks.map((_, index) => (index < FORK_CHANGED ? [`file${index}.txt`] : [])));
  });
});
