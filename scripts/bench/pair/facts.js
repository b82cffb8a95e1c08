// What a generated pair turned out to be, read back from git: commits on
// each side of the merge base, files in the tree, and the size of the
// two-tip diff that forkdiff and `git diff -M` will read.
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, openSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { git } from './clone.js';

export const TWO_TIP_DIFF = ['diff', '--no-color', '--no-ext-diff', '-M', 'upstream/v0.11', 'origin/v0.11'];

/** Files and hunks of a diff read from `input`, and its size in bytes. */
async function countDiff(input) {
  let bytes = 0;
  let files = 0;
  let hunks = 0;
  input.on('data', (chunk) => {
    bytes += chunk.length;
  });
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.startsWith('diff --git ')) files += 1;
    else if (line.startsWith('@@ ')) hunks += 1;
  }
  return { bytes, files, hunks };
}

/** Bytes, files and hunks of the two-tip diff; with `savePath`, git writes the diff there and it is counted from the file. */
export async function twoTipDiff(clone, savePath) {
  const output = savePath ? openSync(savePath, 'w') : 'pipe';
  const child = spawn('git', TWO_TIP_DIFF, { cwd: clone, stdio: ['ignore', output, 'inherit'] });
  const counted = savePath ? null : countDiff(child.stdout);
  const [code] = await once(child, 'close');
  if (savePath) closeSync(output);
  if (code !== 0) throw new Error(`git diff exited ${code}`);
  return counted ?? countDiff(createReadStream(savePath));
}

/** Commits since the merge base on each side (all, and without merges) and files in the upstream tree. */
export function historyFacts(clone) {
  const count = (...args) => Number(git(clone, 'rev-list', '--count', ...args));
  return {
    upstreamCommits: count('origin/v0.11..upstream/v0.11'),
    upstreamMerges: count('--merges', 'origin/v0.11..upstream/v0.11'),
    forkCommits: count('upstream/v0.11..origin/v0.11'),
    treeFiles: git(clone, 'ls-tree', '-r', '--name-only', 'upstream/v0.11').split('\n').length,
  };
}
