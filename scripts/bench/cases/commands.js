// The commands the cases measure: forkdiff's CLI in either mode, and the git
// (or plain Node) baselines it is compared with on the same input.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TWO_TIP_DIFF } from '../pair/facts.js';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..', '..');
export const DIST = join(ROOT, 'dist');
export const CLI = join(DIST, 'cli.js');
const node = process.execPath;

/** `forkdiff v0.11 --no-fetch` in a clone, the report written to `output`. */
export const forkdiffGit = (label, clone, output, format = 'json', extra = []) => ({
  label,
  command: node,
  args: [CLI, 'v0.11', '--no-fetch', '--format', format, '--output', output, ...extra],
  options: { cwd: clone },
  output,
});

/** `forkdiff --diff-file` on a saved diff; runs in `cwd`, outside any repository. */
export const forkdiffFile = (label, diff, output, format, cwd) => ({
  label,
  command: node,
  args: [CLI, '--diff-file', diff, '--format', format, '--output', output],
  options: { cwd },
  output,
});

export const gitDiff = (clone) => ({ label: 'git diff -M', command: 'git', args: TWO_TIP_DIFF, options: { cwd: clone, stdoutToNull: true } });

/** The baseline issue 16 names for commit lists: both sides' missing commits, patch-id aware, in one run. */
export const gitCherryMark = (clone) => ({
  label: 'git log --cherry-mark',
  command: 'git',
  args: ['log', '--cherry-mark', '--left-right', '--no-merges', 'origin/v0.11...upstream/v0.11'],
  options: { cwd: clone, stdoutToNull: true },
});

export const nodeCommand = (label, args, options = {}) => ({ label, command: node, args, options });
