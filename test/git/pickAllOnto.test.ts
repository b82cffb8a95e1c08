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
 * a base the fork changed ten of those files in. Enough picks for a batch
 * to be split, whose results must come back in order. The fork also moved
 * `lib/` to `src/` with an edit in each file (renames git finds by content),
 * and upstream's last three commits change `lib/`: one modifies a moved file,
 * one adds a file to the moved directory, one deletes a moved file.
 */
const PICKS = 80;
const FORK_CHANGED = 10;
const MOVED = ['lib/alpha.txt', 'lib/beta.txt', 'lib/gamma.txt'];
/** Lines enough that a one-line edit keeps a moved file similar to its old self. */
const body = (name: string): string => Array.from({ length: 12 }, (_, line) => `${name} line ${line}\n`).join('');

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
  mkdirSync(join(cwd, 'lib'));
  for (const path of MOVED) writeFileSync(join(cwd, path), body(path));
  git(cwd, 'add', '.');
  commit('base');
  git(cwd, 'branch', 'fork');
  for (let index = 0; index < PICKS; index += 1) {
    writeFileSync(join(cwd, `file${index}.txt`), `line one of ${index}, upstream\nline two\n`);
    commit(`upstream ${index}`);
  }
  writeFileSync(join(cwd, 'lib/alpha.txt'), body('lib/alpha.txt').replace('line 11', 'line 11, fixed upstream'));
  commit('upstream: fix alpha');
  writeFileSync(join(cwd, 'lib/delta.txt'), body('lib/delta.txt'));
  git(cwd, 'add', '.');
  commit('upstream: add delta');
  git(cwd, 'rm', '-q', 'lib/gamma.txt');
  commit('upstream: drop gamma');
  git(cwd, 'checkout', '-q', 'fork');
  for (let index = 0; index < FORK_CHANGED; index += 1) writeFileSync(join(cwd, `file${index}.txt`), `line one of ${index}, fork\nline two\n`);
  git(cwd, 'mv', 'lib', 'src');
  for (const path of MOVED) writeFileSync(join(cwd, path.replace('lib/', 'src/')), body(path).replace('line 0', 'line 0, the fork\'s'));
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
  it('forecasts a big batch, each pick as one merge of its own would, renames and all', async () => {
    const trace = join(scratchDir('pick-trace'), 'trace.txt');
    // The scratch store's environment goes to every git process of the batch.
    const batched = await pickAllOnto(repo, { ...scratch, env: { ...scratch.env, GIT_TRACE: trace } }, forkTree, picks);
    // A batch this big is split in two processes, one per core.
    expect(readFileSync(trace, 'utf8').split('\n').filter((line) => /built-in: git merge-tree --stdin/.test(line))).toHaveLength(2);
    expect(batched).toHaveLength(PICKS + 3);
    const alone = [];
    for (const { commit, parent } of picks) alone.push(await pickOnto(repo, scratch, forkTree, commit, parent));
    expect(batched).toEqual(alone);
    // The fork changed the first ten files' first line: those picks conflict there, the rest are clean.
    // Upstream's fix of lib/alpha.txt lands in the fork's src/alpha.txt; its new lib/delta.txt is put where the fork
    // moved lib/ (a conflict of location); dropping lib/gamma.txt conflicts with the fork's rename of it.
    expect(batched?.map((result) => result.conflicts.map((conflict) => `${conflict.path} ${conflict.kind}`))).toEqual([
      ...picks.slice(0, PICKS).map((_, index) => (index < FORK_CHANGED ? [`file${index}.txt content`] : [])),
      [],
      ['lib/delta.txt rename', 'src/delta.txt rename'],
      ['lib/gamma.txt rename', 'src/gamma.txt rename'],
    ]);
  });
});
