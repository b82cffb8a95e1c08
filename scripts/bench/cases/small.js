// A fork shaped like a real one (a few hundred files, ~140 upstream commits
// merged as pull requests, 20 carried patches, ~100 backports): what a
// maintainer waits for. Issue 16 wants well under 2 s of wall time, most of
// it git's own work. The sync plan runs by default in git mode; its share is
// the run with it less the run without it (--no-sync).
import { join } from 'node:path';
import { forkdiffGit, gitCherryMark, gitDiff, nodeCommand, CLI } from './commands.js';

export default {
  id: 'small',
  title: 'small fork shaped like a real one',
  async prepare({ inputs, work }) {
    const { clone, facts } = await inputs.smallFork();
    const forkdiff = forkdiffGit('forkdiff --format json', clone, join(work, 'small.json'));
    const commands = [gitDiff(clone), gitCherryMark(clone), forkdiff, nodeCommand('forkdiff --version', [CLI, '--version']), nodeCommand('node -e 0', ['-e', '0'])];
    const comparisons = [
      { label: 'forkdiff / (git diff -M + git log --cherry-mark)', forkdiff: forkdiff.label, baseline: ['git diff -M', 'git log --cherry-mark'], target: 'forkdiff well under 2 s wall' },
      { label: 'forkdiff / git diff -M', forkdiff: forkdiff.label, baseline: ['git diff -M'] },
      { label: 'start-up: forkdiff --version / node -e 0', forkdiff: 'forkdiff --version', baseline: ['node -e 0'] },
    ];
    // The sync plan's share: the same run without it.
    commands.push(forkdiffGit('forkdiff --no-sync', clone, join(work, 'small-nosync.json'), 'json', ['--no-sync']));
    comparisons.push({ label: 'sync plan: forkdiff / forkdiff --no-sync', forkdiff: forkdiff.label, baseline: ['forkdiff --no-sync'], isShare: true });
    return { facts, commands, comparisons };
  },
};
