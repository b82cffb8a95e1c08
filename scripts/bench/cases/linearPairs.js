// A generated pair of 2,000 files with 1 commit per side, and the very same
// two tips reached by 3,000 commits per side (~3% of upstream's commits
// backported to the fork as cherry-picks): the second case differs from the
// first only in history, so what it adds is the cost of commit count.
import { join } from 'node:path';
import { forkdiffGit, gitCherryMark, gitDiff } from './commands.js';

export const pair2000 = {
  id: 'pair2000',
  title: 'generated pair, 1 commit per side',
  async prepare({ inputs, work }) {
    const { clone, facts } = await inputs.linearPair(1);
    const forkdiff = forkdiffGit('forkdiff --format json', clone, join(work, 'pair-1.json'));
    return {
      facts,
      commands: [gitDiff(clone), forkdiff],
      comparisons: [{ label: 'forkdiff / git diff -M', forkdiff: forkdiff.label, baseline: ['git diff -M'] }],
    };
  },
};

export const commits3000 = {
  id: 'commits3000',
  title: 'the same pair, thousands of commits per side',
  async prepare({ inputs, work, sizes }) {
    const { clone, facts } = await inputs.linearPair(sizes.commits);
    const forkdiff = forkdiffGit('forkdiff --format json', clone, join(work, 'pair-many.json'));
    // A pull request gate's run: the same without the sync plan's merge forecasts.
    const gate = forkdiffGit('forkdiff --no-sync', clone, join(work, 'pair-many-no-sync.json'), 'json', ['--no-sync']);
    return {
      facts,
      commands: [gitDiff(clone), gitCherryMark(clone), forkdiff, gate],
      comparisons: [
        { label: 'forkdiff / (git diff -M + git log --cherry-mark)', forkdiff: forkdiff.label, baseline: ['git diff -M', 'git log --cherry-mark'], target: 'about 1× (git log --cherry-mark plus the diff)' },
        { label: 'forkdiff / git diff -M', forkdiff: forkdiff.label, baseline: ['git diff -M'] },
        { label: 'forkdiff --no-sync / (git diff -M + git log --cherry-mark)', forkdiff: gate.label, baseline: ['git diff -M', 'git log --cherry-mark'] },
      ],
    };
  },
};
