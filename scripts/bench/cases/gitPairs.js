// Large pairs in git mode, where issue 16 asks for at most 2× `git diff -M`:
// a dense pair (10k files, 25 hunks each: ~250k hunks in ~100 MB) and the
// bench's original 100 MB pair (few large vendored rewrites, see gitPair.js).
import { join } from 'node:path';
import { forkdiffGit, gitDiff } from './commands.js';

const againstGitDiff = (facts, clone, output) => {
  const forkdiff = forkdiffGit('forkdiff --format json', clone, output);
  return {
    facts,
    commands: [gitDiff(clone), forkdiff],
    comparisons: [{ label: 'forkdiff / git diff -M', forkdiff: forkdiff.label, baseline: ['git diff -M'], inputBytes: facts.diff.bytes, target: 'at most 2×' }],
  };
};

export const dense = {
  id: 'dense',
  title: 'dense pair (25 hunks in every file)',
  async prepare({ inputs, work }) {
    const { clone, facts } = await inputs.densePair();
    return againstGitDiff(facts, clone, join(work, 'dense.json'));
  },
};

export const pair100 = {
  id: 'pair100',
  title: "the bench's original pair",
  async prepare({ inputs, work }) {
    const { clone, facts } = await inputs.bigPair();
    return againstGitDiff(facts, clone, join(work, 'big-pair.json'));
  },
};
