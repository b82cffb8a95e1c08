// Every case's input, generated on the spot and built at most once per run:
// pair2000 and commits3000 share their tree (and their two tips), and
// saved-dense reads the dense pair's own two-tip diff.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeGitPair } from './gitPair.js';
import { historyFacts, twoTipDiff } from './pair/facts.js';
import { importPair } from './pair/importPair.js';
import { planLinear } from './pair/linearPlan.js';
import { planTopics } from './pair/topicPlan.js';
import { planTree } from './pair/tree.js';
import { createRandom } from './random.js';
import { writeSyntheticDiff } from './syntheticDiff.js';

const MB = 1024 * 1024;

/** Builds a clone from a plan and reads back what it holds. */
async function buildClone(dir, tree, steps, log) {
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const clone = await importPair(dir, tree, steps);
  const facts = { ...historyFacts(clone), diff: await twoTipDiff(clone), buildSeconds: (Date.now() - started) / 1000 };
  log(`bench: built ${dir} in ${facts.buildSeconds.toFixed(1)} s: ${JSON.stringify(facts)}`);
  return { clone, facts };
}

/** A tree of mostly Go, with the tests, vendored code and docs a fork diff also carries. */
const mixedTree = (random, files, blocks) =>
  planTree(random, { go: Math.round(files * 0.6), test: Math.round(files * 0.1), vendor: Math.round(files * 0.25), doc: Math.round(files * 0.05) }, blocks);

export function createInputs(work, sizes, log) {
  const memo = new Map();
  const once = (key, build) => {
    if (!memo.has(key)) memo.set(key, build());
    return memo.get(key);
  };
  const linearPair = (commitsPerSide) =>
    once(`pair-${commitsPerSide}`, () => {
      const random = createRandom(0x2000);
      const tree = mixedTree(random, sizes.pairFiles, [24, 24]);
      // The same draws whatever commitsPerSide is: the two tips do not depend on the history.
      const plan = planLinear(random, tree, { upstreamFiles: 0.5, forkFiles: 0.35, upstreamBlocks: 4, forkBlocks: 5, conflicts: 0.05, picks: 0.03, commitsPerSide });
      return buildClone(join(work, `pair-${commitsPerSide}`), tree, plan.steps, log);
    });
  const densePair = () =>
    once('dense', () => {
      const random = createRandom(0xde75e);
      const tree = mixedTree(random, sizes.denseFiles, [25, 25]);
      // Every block differs: 40% of the files are upstream's alone, 40% the fork's, and in the
      // rest upstream rewrote the even blocks and the fork the odd ones (hunks of both sides).
      const shape = { upstreamFiles: 1, forkFiles: 1, upstreamBlocks: Infinity, forkBlocks: Infinity, conflicts: 0, picks: 0, commitsPerSide: 1, soleOwners: 0.8 };
      const plan = planLinear(random, tree, shape);
      return buildClone(join(work, 'dense'), tree, plan.steps, log);
    });
  return {
    smallFork: () =>
      once('small', () => {
        const random = createRandom(0x5a11);
        const tree = planTree(random, { go: 220, test: 40, vendor: 150, doc: 15, dockerfile: 4, workflow: 3, gomod: 1, gosum: 1 }, [8, 30]);
        const plan = planTopics(random, tree, { topics: 55, bumps: 3, carries: 20, backports: 100, conflicts: 3 });
        return buildClone(join(work, 'small'), tree, plan.steps, log);
      }),
    linearPair,
    densePair,
    denseDiff: () =>
      once('dense-diff', async () => {
        const { clone } = await densePair();
        const path = join(work, 'dense.diff');
        return { path, facts: await twoTipDiff(clone, path) };
      }),
    bigPair: () =>
      once('big-pair', async () => {
        const dir = join(work, 'big-pair');
        mkdirSync(dir);
        const { clone, files } = await makeGitPair(dir, sizes.pairMb * MB);
        return { clone, facts: { ...historyFacts(clone), treeFiles: files, diff: await twoTipDiff(clone) } };
      }),
    syntheticDiff: () =>
      once('synthetic', async () => {
        const path = join(work, 'synthetic.diff');
        return { path, facts: await writeSyntheticDiff(path, sizes.savedMb * MB) };
      }),
  };
}
