// A fork shaped like a real one (a few hundred files, ~140 upstream commits
// merged as pull requests, 20 carried patches, ~100 backports): what a
// maintainer waits for. Issue 16 wants well under 2 s of wall time, most of
// it git's own work. The sync plan runs by default in git mode; its share is
// the audit with it less the audit without it.
import { join } from 'node:path';
import { auditOnly, forkdiffGit, gitCherryMark, gitDiff, nodeCommand, syncSwitch, CLI } from './commands.js';

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
    const notes = [];
    const how = syncSwitch();
    if (how === 'flag') {
      commands.push(forkdiffGit('forkdiff --no-sync', clone, join(work, 'small-nosync.json'), 'json', ['--no-sync']));
      comparisons.push({ label: 'sync plan: forkdiff / forkdiff --no-sync', forkdiff: forkdiff.label, baseline: ['forkdiff --no-sync'], isShare: true });
    } else if (how === 'driver') {
      commands.push(auditOnly('audit, sync plan on', clone, true), auditOnly('audit, sync plan off', clone, false));
      comparisons.push({ label: 'sync plan: audit with / without it', forkdiff: 'audit, sync plan on', baseline: ['audit, sync plan off'], isShare: true });
      notes.push('forkdiff has no flag to skip the sync plan: its share is measured on the audit alone (scripts/bench/auditOnly.js, no CLI, no reporter)');
    } else notes.push('the sync plan share cannot be measured: no --no-sync flag and no dist/audit/auditGitRef.js');
    return { facts, commands, comparisons, notes };
  },
};
