// The maintainer's clone every git-mode case runs in: remotes `upstream` and
// `origin` point at empty bare repositories (the bench runs --no-fetch), and
// the refs are written straight into refs/remotes/ by one `git fast-import`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLineOutput } from '../lineOutput.js';

export const UPSTREAM_REF = 'refs/remotes/upstream/v0.11';
export const FORK_REF = 'refs/remotes/origin/v0.11';

export const git = (cwd, ...args) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28 }).trim();

/** Creates `dir/clone` with its two remotes and no commits. */
export function initClone(dir) {
  const clone = join(dir, 'clone');
  for (const name of ['upstream.git', 'fork.git']) git(dir, 'init', '-q', '--bare', name);
  mkdirSync(clone);
  git(clone, 'init', '-q', '-b', 'v0.11');
  git(clone, 'remote', 'add', 'upstream', join(dir, 'upstream.git'));
  git(clone, 'remote', 'add', 'origin', join(dir, 'fork.git'));
  return clone;
}

/** Runs `git fast-import` in `clone`, handing `write` a line output on its stdin. */
export async function fastImport(clone, write) {
  // glibc hands freed memory back after every commit and asks for it again
  // (thousands of brk calls); on this sandboxed machine that made a
  // 300-commit import take 9 s instead of 0.7 s. Keeping it is harmless.
  const env = { ...process.env, MALLOC_TRIM_THRESHOLD_: String(1 << 30) };
  const importer = spawn('git', ['fast-import', '--quiet'], { cwd: clone, env, stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = new Promise((resolve, reject) => {
    importer.on('error', reject);
    importer.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited ${code}`))));
  });
  const out = createLineOutput(importer.stdin);
  await write(out);
  await out.close();
  await exited;
}
