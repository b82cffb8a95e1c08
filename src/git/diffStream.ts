import type { GitProcess } from './spawnGit.js';
import { spawnGit, spawnGitSpooled } from './spawnGit.js';

export interface TwoTipDiff {
  upstreamSha: string;
  forkSha: string;
  /** e.g. `upstream/v0.11/`, so the text reads like the nightly `git diff upstream/v0.11 origin/v0.11`. */
  srcPrefix: string;
  dstPrefix: string;
}

/**
 * Streams the upstream → fork diff. Streamed rather than buffered: on a big
 * fork this is hundreds of megabytes, and the parser reads it file by file.
 * Spooled through a temporary file, so git finishes at its own speed while
 * the audit waits on attribution's history queries.
 */
export const spawnTwoTipDiff = (cwd: string, diff: TwoTipDiff, renameLimit: number): GitProcess =>
  spawnGitSpooled(cwd, [
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    ...renameArgs(renameLimit),
    `--src-prefix=${diff.srcPrefix}`,
    `--dst-prefix=${diff.dstPrefix}`,
    diff.upstreamSha,
    diff.forkSha,
    '--',
  ]);

/**
 * Rename detection for every diff and log forkdiff reads, so their pairs
 * agree: renames found up to `renameLimit` files (repo.ts), and no empty file
 * read as another empty file renamed, as git merges read them too. git diff
 * pairs any two empty blobs as a 100% rename: OpenShift's coredns vendors
 * its modules, and `vendor/github.com/felixge/httpsnoop/.gitignore` (empty)
 * read as upstream's `plugin/metrics/test_data/configs/empty.yml` renamed,
 * a file of both sides', and the test config upstream added was nowhere.
 */
export const renameArgs = (renameLimit: number): string[] => ['-M', `-l${renameLimit}`, '--no-rename-empty'];

/** Zero-context patches, renames found as renameArgs finds them. */
export const zeroContext = (renameLimit: number): string[] => ['--no-color', '--no-ext-diff', '--no-textconv', '-U0', ...renameArgs(renameLimit), '--src-prefix=a/', '--dst-prefix=b/'];

/**
 * Streams a zero-context diff between two commits, limited to `paths` when
 * given, so
 * attribution can see exactly which lines one side changed.
 */
export const spawnChangedLinesDiff = (cwd: string, from: string, to: string, paths: string[], renameLimit: number): GitProcess =>
  spawnGit(cwd, ['diff', ...zeroContext(renameLimit), from, to, '--', ...paths]);

/** Which files a log covers: exactly these paths, or the whole tree but these directories. */
export type LogScope = { paths: readonly string[] } | { allBut: readonly string[] };

/**
 * Streams the zero-context patch of every commit on `to`'s first-parent chain
 * since `from`, oldest first (merges against their first parent), each after
 * a `\x01<sha> <parents>` line: enough to follow every line forwards the way
 * `git blame` follows it backwards, in one process. A spooled log writes
 * into a temporary file at git's own pace: one part of a split history
 * (lineHistory.ts), run while the part before it is read.
 */
export const spawnLineLog = (cwd: string, from: string, to: string, scope: LogScope, renameLimit: number, isSpooled = false): GitProcess => {
  const args = ['log', ...zeroContext(renameLimit), '--first-parent', '-m', '--reverse', '--format=%x01%H %P', `${from}..${to}`, '--'];
  const run = (all: string[], env?: Record<string, string>): GitProcess => (isSpooled ? spawnGitSpooled(cwd, all, env) : spawnGit(cwd, all, undefined, env));
  if ('paths' in scope) return run([...args, ...scope.paths]);
  // Pathspec magic for the exclusions (each still literal), so not the literal-only mode every other command runs in.
  const pathspec = [':(top)', ...scope.allBut.map((directory) => `:(top,exclude,literal)${directory}`)];
  return run([...args, ...pathspec], { GIT_LITERAL_PATHSPECS: '0' });
};
