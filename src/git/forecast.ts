import { appendTo } from '../multiMap.js';
import { reachedFrom, resolveCommits } from './ancestry.js';
import { changeIdsOf, nameOnlyEntries } from './commitLog.js';
import type { BlobReader } from './blobReader.js';
import type { MergeTreeResult } from './mergeTreeOutput.js';
import { parseMergeTree, parseMergeTreeBatch } from './mergeTreeOutput.js';
import { writeLooseObjects } from './looseObjects.js';
import type { Repo } from './repo.js';
import { openScratchObjects } from './scratchObjects.js';
import type { ScratchObjects } from './scratchObjects.js';
import { runGitForCode, runGitWithInput } from './spawnGit.js';

/** The git work of a sync plan, bound to the user's clone; every write goes to a scratch object store. */
export interface Forecaster {
  canForecast(): Promise<{ isAble: boolean; version: string }>;
  openScratch(): Promise<ScratchObjects>;
  mergeTree(scratch: ScratchObjects, ours: string, theirs: string): Promise<MergeTreeResult>;
  pickOnto(scratch: ScratchObjects, tree: string, commit: string, parent: string): Promise<MergeTreeResult>;
  /** Many picks onto one tree in two git processes (git 2.40's merge-tree --stdin); null when this git cannot batch. */
  pickAllOnto(scratch: ScratchObjects, tree: string, picks: readonly { commit: string; parent: string }[]): Promise<MergeTreeResult[] | null>;
  treeOf(commit: string): Promise<string>;
  /** Which of these directories `commit`'s tree has nothing at (each asked of the run's long-lived cat-file). */
  directoriesLacking(commit: string, directories: readonly string[]): Promise<Set<string>>;
  parentsOf(commits: readonly string[]): Promise<Map<string, string[]>>;
  /** Per path of `paths`, `git diff --numstat` additions and deletions from `from` to `to` (no renames). */
  numstat(from: string, to: string, paths: readonly string[]): Promise<Map<string, { added: number; deleted: number }>>;
  /** The paths each commit touches, in git's order, for findings about whole commits. */
  commitPaths(commits: readonly string[]): Promise<Map<string, string[]>>;
  /** Subjects and bodies of `tip`'s history that mention any of these pull requests (`#1234`). */
  messagesMentioning(tip: string, refs: readonly string[]): Promise<string[]>;
  /** Which of these commit names (full or abbreviated ids) `tip` has in its history; unknown names are not. */
  reachedFrom(tip: string, names: readonly string[]): Promise<Set<string>>;
  /** Which of these Gerrit Change-Ids a commit of `tip`'s whole history carries (merged before the merge base too). */
  changeIdsIn(tip: string, ids: readonly string[]): Promise<Set<string>>;
}

/**
 * `known` answers parents the commit listing already read (every commit the
 * plan forecasts is in it); git is asked only for the others.
 */
export const createForecaster = (repo: Repo, blobs: BlobReader, known: () => Promise<ReadonlyMap<string, string[]>>): Forecaster => ({
  canForecast: () => canForecast(repo),
  openScratch: () => openScratchObjects(repo),
  mergeTree: (scratch, ours, theirs) => mergeTree(repo, scratch, ours, theirs),
  pickOnto: (scratch, tree, commit, parent) => pickOnto(repo, scratch, tree, commit, parent),
  pickAllOnto: (scratch, tree, picks) => pickAllOnto(repo, scratch, tree, picks),
  treeOf: async (commit) => {
    // Asked of the run's long-lived cat-file: one process less than rev-parse.
    const tree = await blobs.idOf(`${commit}^{tree}`);
    if (tree === null) throw new Error(`git cat-file: no tree for ${commit}`);
    return tree;
  },
  directoriesLacking: async (commit, directories) => {
    const ids = await Promise.all(directories.map((directory) => blobs.idOf(`${commit}:${directory}`)));
    return new Set(directories.filter((_, index) => ids[index] === null));
  },
  parentsOf: async (commits) => {
    const listed = await known();
    const unknown = commits.filter((sha) => !listed.has(sha));
    const asked = unknown.length > 0 ? await parentsOf(repo, unknown) : new Map<string, string[]>();
    return new Map(commits.flatMap((sha) => {
      const parents = listed.get(sha) ?? asked.get(sha);
      return parents ? [[sha, parents] as const] : [];
    }));
  },
  numstat: async (from, to, paths) => {
    const stats = new Map<string, { added: number; deleted: number }>();
    if (paths.length === 0) return stats; // an empty pathspec would mean the whole tree
    const numstat = await runGitForCode(repo.cwd, ['diff', '--numstat', '-z', '--no-renames', '--no-ext-diff', from, to, '--', ...paths], { okCodes: [0], isBackground: true });
    const output = numstat.stdout.toString('utf8');
    for (const record of output.split('\0')) {
      const [added = '', deleted = '', ...path] = record.split('\t');
      if (path.length > 0) stats.set(path.join('\t'), { added: Number(added) || 0, deleted: Number(deleted) || 0 });
    }
    return stats;
  },
  commitPaths: async (commits) => {
    if (commits.length === 0) return new Map();
    const output = await runGitWithInput(repo.cwd, ['log', '--no-walk=unsorted', '--stdin', '-z', '--name-only', '--format=%x01%H'], commits.map((sha) => `${sha}\n`).join(''));
    const paths = new Map<string, string[]>();
    for (const { sha, path } of nameOnlyEntries(output)) appendTo(paths, sha, path);
    return paths;
  },
  messagesMentioning: async (tip, refs) => {
    if (refs.length === 0) return [];
    const numbers = refs.map((ref) => ref.replace(/^#/, '')).filter((number) => /^\d+$/.test(number));
    if (numbers.length === 0) return [];
    const output = await repo.git.raw(['log', '-E', `--grep=#(${numbers.join('|')})`, '--format=%s%n%b%x1e', tip, '--']);
    return output.split('\x1e').filter((message) => message.trim().length > 0);
  },
  changeIdsIn: async (tip, ids) => {
    const wanted = new Set(ids);
    const found = new Set<string>();
    // One walk of the history per CHANGE_IDS_PER_LOG ids: `--grep` patterns are or-ed.
    for (let from = 0; from < ids.length; from += CHANGE_IDS_PER_LOG) {
      const greps = ids.slice(from, from + CHANGE_IDS_PER_LOG).map((id) => `--grep=Change-Id: ${id}`);
      const output = await repo.git.raw(['log', '-F', ...greps, '--format=%b', tip, '--']);
      for (const id of changeIdsOf(output)) if (wanted.has(id)) found.add(id);
    }
    return found;
  },
  reachedFrom: async (tip, names) => {
    const ids = await resolveCommits(blobs, names);
    const reached = await reachedFrom(repo, tip, [...ids.values()].filter((id): id is string => id !== null));
    return new Set(names.filter((name) => reached.has(ids.get(name) ?? '')));
  },
});

/** Change-Ids asked of one `git log` (its command line stays far below the system's limit). */
const CHANGE_IDS_PER_LOG = 500;

/** The oldest git whose merge-tree can write a tree (2.38, October 2022). */
const MIN_VERSION = [2, 38] as const;

/** Whether this git can forecast merges (`merge-tree --write-tree`). */
export const canForecast = async (repo: Repo): Promise<{ isAble: boolean; version: string }> => {
  const version = (await repo.git.raw(['version'])).trim().replace(/^git version /, '');
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10));
  return { isAble: major > MIN_VERSION[0] || (major === MIN_VERSION[0] && minor >= MIN_VERSION[1]), version };
};

/** Merges two commits in memory (objects go to the scratch store): the tree and what conflicts. */
export const mergeTree = async (repo: Repo, scratch: ScratchObjects, ours: string, theirs: string): Promise<MergeTreeResult> => {
  const { stdout } = await runGitForCode(repo.cwd, ['merge-tree', '--write-tree', '-z', '--name-only', ours, theirs], { env: scratch.env, okCodes: [0, 1], isBackground: true });
  return parseMergeTree(stdout.toString('utf8'));
};

/** Commit → its parents, for the given commits, in one `git log --no-walk --stdin`. */
export const parentsOf = async (repo: Repo, commits: readonly string[]): Promise<Map<string, string[]>> => {
  const output = await runGitWithInput(repo.cwd, ['log', '--no-walk=unsorted', '--stdin', '--format=%H %P'], commits.map((sha) => `${sha}\n`).join(''));
  return new Map(output.split('\n').filter((line) => line.length > 0).map((line) => {
    const [sha = '', ...parents] = line.split(' ');
    return [sha, parents];
  }));
};

/**
 * Cherry-picks `commit` alone onto a tree, without a work tree or index: a
 * scratch commit with that tree and `commit`'s parent as its parent makes
 * that parent the merge base of the two, which is exactly what cherry-pick
 * merges (git 2.38's merge-tree has no --merge-base option yet).
 */
export const pickOnto = async (repo: Repo, scratch: ScratchObjects, tree: string, commit: string, parent: string): Promise<MergeTreeResult> => {
  const onto = (await runGitWithInput(repo.cwd, ['commit-tree', tree, '-p', parent, '-m', 'forkdiff: pick forecast'], '', { ...scratch.env, ...PINNED_IDENTITY })).trim();
  return mergeTree(repo, scratch, onto, commit);
};

/**
 * `pickOnto` for many commits at once: the scratch commits are written
 * straight into the scratch store as loose objects (what `hash-object -w`
 * would write), and merged by one `merge-tree --stdin`. A process per merge
 * was most of a sync plan's time (each one loads the pack indexes again).
 */
export const pickAllOnto = async (repo: Repo, scratch: ScratchObjects, tree: string, picks: readonly { commit: string; parent: string }[]): Promise<MergeTreeResult[] | null> => {
  if (picks.length === 0) return [];
  const texts = picks.map(({ parent }) => Buffer.from(`tree ${tree}\nparent ${parent}\n${PINNED_SIGNATURE}\nforkdiff: pick forecast\n`));
  const ontos = writeLooseObjects(scratch.directory, 'commit', texts, tree.length);
  const lines = picks.map(({ commit }, index) => `${ontos[index] ?? ''} ${commit}\n`);
  // Each merge writes its trees as loose objects: a batch is bound by one core, so a big one is split in two.
  const batches = lines.length >= SPLIT_PICKS ? [lines.slice(0, lines.length >> 1), lines.slice(lines.length >> 1)] : [lines];
  const merged = await Promise.all(batches.map((batch) =>
    runGitForCode(repo.cwd, ['merge-tree', '--stdin', '-z', '--name-only'], { input: batch.join(''), env: scratch.env, okCodes: [0, 1, 129], isBackground: true })));
  if (merged.some((run) => run.code === 129)) return null; // usage: this git has no --stdin
  const results = merged.flatMap((run) => parseMergeTreeBatch(run.stdout.toString('utf8')));
  return results.length === picks.length ? results : null;
};

/** Picks from which `pickAllOnto` runs two merge-tree processes (each reads the pack indexes once, ~10 ms). */
const SPLIT_PICKS = 64;

// commit-tree needs an identity; a fixed one keeps scratch commits independent of the user's config.
const PINNED_IDENTITY = {
  GIT_AUTHOR_NAME: 'forkdiff',
  GIT_AUTHOR_EMAIL: 'forkdiff@invalid',
  GIT_COMMITTER_NAME: 'forkdiff',
  GIT_COMMITTER_EMAIL: 'forkdiff@invalid',
  GIT_AUTHOR_DATE: '1970-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '1970-01-01T00:00:00Z',
};

/** The author and committer lines commit-tree writes with PINNED_IDENTITY (the epoch is `0 +0000`). */
const PINNED_SIGNATURE =
  `author ${PINNED_IDENTITY.GIT_AUTHOR_NAME} <${PINNED_IDENTITY.GIT_AUTHOR_EMAIL}> 0 +0000\n` +
  `committer ${PINNED_IDENTITY.GIT_COMMITTER_NAME} <${PINNED_IDENTITY.GIT_COMMITTER_EMAIL}> 0 +0000\n`;
