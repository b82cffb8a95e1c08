import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBranches } from '../../src/attribution/branches.js';
import { readCommitChanges } from '../../src/attribution/commitChanges.js';
import { loadLineHistory } from '../../src/attribution/lineHistory.js';
import type { LineHistory } from '../../src/attribution/lineHistory.js';
import { logScopes } from '../../src/attribution/logScope.js';
import { logRanges } from '../../src/attribution/logParts.js';
import type { LogLimits } from '../../src/attribution/logScope.js';
import { PATHSPEC_CHARS } from '../../src/attribution/pathChunks.js';
import { createHistory } from '../../src/git/history.js';
import type { History, PathCommits } from '../../src/git/history.js';
import { openRepo } from '../../src/git/repo.js';
import { git } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { buildMergedRenamedFixture } from '../git/mergedRenamedFixture.js';

/**
 * The line history of each side of the merged-renamed fork (an upstream of
 * --no-ff merges, a fork that renamed its product), read with the followed
 * paths listed and with one whole-tree log past the pathspec budget: the two
 * must agree line for line, and files one commit alone touched must stay
 * unfollowed either way.
 */
let fixture: ForkFixture & { remove(): void };
let history: History;
let base: string;
beforeAll(async () => {
  fixture = await buildMergedRenamedFixture();
  for (const remote of ['origin', 'upstream']) git(fixture.clone, 'fetch', '--quiet', remote);
  history = createHistory(await openRepo(fixture.clone));
  base = git(fixture.clone, 'merge-base', 'origin/v1.0', 'upstream/v1.0');
});
afterAll(() => fixture.remove());

const LISTED: LogLimits = { maxChars: PATHSPEC_CHARS, budget: Number.POSITIVE_INFINITY };
const WHOLE_TREE: LogLimits = { maxChars: PATHSPEC_CHARS, budget: 0 };

/** Owners and removers of every line of every path the side touched, and the per-commit counts. */
const snapshot = async (lines: LineHistory, touched: PathCommits, tip: string): Promise<unknown> => {
  const paths = [...touched.byPath.keys()].sort();
  const texts = await history.blobs([...paths.map((path) => `${tip}:${path}`), ...paths.map((path) => `${base}:${path}`)]);
  const lineCount = (at: number): number => texts[at]?.toString('utf8').split('\n').length ?? 0;
  const each = (count: number, of: (line: number) => string[] | null): (string[] | null)[] => Array.from({ length: count }, (_, index) => of(index + 1));
  return {
    owners: paths.map((path, at) => [path, each(lineCount(at), (line) => lines.ownerOf(path, line))]),
    removers: paths.map((path, at) => [path, each(lineCount(paths.length + at), (line) => lines.removerOf(path, line))]),
    counts: [...lines.counts()].sort(([a], [b]) => (a < b ? -1 : 1)),
  };
};

describe('loadLineHistory', () => {
  for (const side of ['upstream', 'fork'] as const) {
    it(`follows the same lines on the ${side} side with paths listed or the whole tree read`, async () => {
      const tip = git(fixture.clone, 'rev-parse', side === 'upstream' ? 'upstream/v1.0' : 'origin/v1.0');
      const touched = await history.commitsByPath(base, tip);
      const branches = findBranches(touched.parents, tip);
      const changed = (await history.changedFiles(base, tip)).paths;
      const listed = await snapshot(await loadLineHistory(history, base, tip, touched, changed, branches, LISTED), touched, tip);
      const whole = await snapshot(await loadLineHistory(history, base, tip, touched, changed, branches, WHOLE_TREE), touched, tip);
      expect(whole).toEqual(listed);
      expect(JSON.stringify(listed)).toMatch(/"[0-9a-f]{40}"/); // some line was followed to its commit
      // Files one commit alone touched are left to that commit, whichever way the log was read.
      const single = [...touched.byPath].filter(([, commits]) => commits.length === 1).map(([path]) => path);
      expect(single.length).toBeGreaterThan(0);
      const lines = await loadLineHistory(history, base, tip, touched, changed, branches, WHOLE_TREE);
      for (const path of single) expect(lines.ownerOf(path, 1)).toBeNull();
    });
  }
});

describe('a history read in parts', () => {
  it('cuts the first-parent chain into parts of at least so many commits, one per core, four at most', () => {
    const chain = Array.from({ length: 10 }, (_, index) => `c${10 - index}`); // newest first
    expect(logRanges('base', 'tip', chain, { commits: 3, cores: 8 })).toEqual([['base', 'c3'], ['c3', 'c6'], ['c6', 'tip']]);
    expect(logRanges('base', 'tip', chain, { commits: 3, cores: 2 })).toEqual([['base', 'c5'], ['c5', 'tip']]);
    expect(logRanges('base', 'tip', chain, { commits: 1, cores: 8 })).toHaveLength(4);
    expect(logRanges('base', 'tip', chain, { commits: 6, cores: 8 })).toEqual([['base', 'tip']]);
    expect(logRanges('base', 'tip', chain, { commits: 1, cores: 1 })).toEqual([['base', 'tip']]);
  });

  for (const side of ['upstream', 'fork'] as const) {
    it(`follows the ${side} side's lines as one log does, each part read in its turn`, async () => {
      const tip = git(fixture.clone, 'rev-parse', side === 'upstream' ? 'upstream/v1.0' : 'origin/v1.0');
      const touched = await history.commitsByPath(base, tip);
      const branches = findBranches(touched.parents, tip);
      const changed = (await history.changedFiles(base, tip)).paths;
      const ranges: string[][] = [];
      const counting: History = { ...history, lineLog: (from, to, scope, isSpooled) => (ranges.push([from, to, String(isSpooled)]), history.lineLog(from, to, scope, isSpooled)) };
      for (const limits of [LISTED, WHOLE_TREE]) {
        const whole = await snapshot(await loadLineHistory(history, base, tip, touched, changed, branches, limits), touched, tip);
        ranges.length = 0;
        const parted = await loadLineHistory(counting, base, tip, touched, changed, branches, { ...limits, parts: { commits: 1, cores: 3 } });
        expect(await snapshot(parted, touched, tip)).toEqual(whole);
        // Three parts, the later two spooled; the first starts at the merge base, the last ends at the tip.
        expect(ranges.map(([, , isSpooled]) => isSpooled)).toEqual(['false', 'true', 'true']);
        expect([ranges[0]?.[0], ranges[2]?.[1], ranges[1]?.[0] === ranges[0]?.[1]]).toEqual([base, tip, true]);
      }
    });
  }
});

describe('lines a merge brought in', () => {
  it('are pinned on the branch commit that wrote them, unless the candidates × paths to read pass the budget', async () => {
    // Upstream's branch is all --no-ff merges: each line it changed is a merge's, with its branch's commits as candidates.
    const tip = git(fixture.clone, 'rev-parse', 'upstream/v1.0');
    const touched = await history.commitsByPath(base, tip);
    const changed = (await history.changedFiles(base, tip)).paths;
    const branches = findBranches(touched.parents, tip);
    const owners = async (limits: LogLimits): Promise<string[][]> => {
      const lines = await loadLineHistory(history, base, tip, touched, changed, branches, limits);
      const paths = [...changed].filter((path) => touched.byPath.has(path)).sort();
      const texts = await history.blobs(paths.map((path) => `${tip}:${path}`));
      return paths.flatMap((path, at) => (texts[at]?.toString('utf8').split('\n') ?? []).map((_, index) => lines.ownerOf(path, index + 1) ?? []));
    };
    const resolved = await owners(LISTED);
    const unresolved = await owners({ ...LISTED, mergedPathChecks: 0 });
    const ambiguous = unresolved.filter((commits) => commits.length > 1).length;
    expect(ambiguous).toBeGreaterThan(0);
    expect(resolved.filter((commits) => commits.length > 1).length).toBeLessThan(ambiguous);
    // Where the budget read nothing, every line still has the commits that may have written it.
    resolved.forEach((commits, index) => expect(unresolved[index]).toEqual(expect.arrayContaining(commits)));
  });
});

describe('changeOf', () => {
  // Paths in chunks of about one path each: a commit's files are read by several logs.
  const CHUNKED: LogLimits = { maxChars: 1, budget: Number.POSITIVE_INFINITY };
  for (const side of ['upstream', 'fork'] as const) {
    it(`gives the ${side} side's commits exactly as a log of each commit alone reads them, or nothing`, async () => {
      const tip = git(fixture.clone, 'rev-parse', side === 'upstream' ? 'upstream/v1.0' : 'origin/v1.0');
      const touched = await history.commitsByPath(base, tip);
      const branches = findBranches(touched.parents, tip);
      const changed = (await history.changedFiles(base, tip)).paths;
      const commits = [...touched.parents].filter(([, parents]) => parents.length === 1).map(([sha]) => sha);
      const alone = await readCommitChanges(history, commits, () => undefined);
      const firstParent = new Set(git(fixture.clone, 'rev-list', '--first-parent', `${base}..${tip}`).split('\n'));
      for (const limits of [LISTED, WHOLE_TREE, CHUNKED]) {
        const lines = await loadLineHistory(history, base, tip, touched, changed, branches, limits);
        const known = commits.filter((sha) => lines.changeOf(sha) !== undefined);
        for (const sha of known) expect(lines.changeOf(sha)).toEqual(alone.get(sha));
        // Only commits of the first-parent chain were read whole; merges have no change of their own.
        expect(known.filter((sha) => !firstParent.has(sha))).toEqual([]);
        for (const [sha, parents] of touched.parents) if (parents.length > 1) expect(lines.changeOf(sha)).toBeUndefined();
      }
      // Upstream is all --no-ff merges: none of its commits is on the first-parent chain, so none is known.
      const onChain = commits.filter((sha) => firstParent.has(sha));
      expect(onChain.length > 0).toBe(side === 'fork');
      // Past the pathspec budget the whole tree is read: every commit on the chain is known (none touched a directory left out).
      const whole = await loadLineHistory(history, base, tip, touched, changed, branches, WHOLE_TREE);
      expect(onChain.filter((sha) => whole.changeOf(sha) === undefined)).toEqual([]);
      // Past the kept-lines budget no further commit is kept: those are read again, as before.
      const none = await loadLineHistory(history, base, tip, touched, changed, branches, { ...WHOLE_TREE, keptLines: 0 });
      expect(commits.filter((sha) => none.changeOf(sha) !== undefined)).toEqual([]);
      const one = await loadLineHistory(history, base, tip, touched, changed, branches, { ...WHOLE_TREE, keptLines: 1 });
      expect(commits.filter((sha) => one.changeOf(sha) !== undefined)).toHaveLength(side === 'fork' ? 1 : 0);
    });
  }
});

describe('logScopes', () => {
  const groups = [['cmd/app/main.go'], ['pkg/a.go', 'pkg/old.go'], ['README.md']];
  const touched = ['cmd/app/main.go', 'cmd/app/flags.go', 'cmd/tool/x.go', 'pkg/a.go', 'vendor/a/b.go', 'vendor/a/c.go', 'vendor/d.go', 'docs/x.md', 'go.mod'];

  it('lists the paths, in chunks, while paths × commits stay within the budget', () => {
    expect(logScopes(groups, touched, 10, { maxChars: 30, budget: 40 })).toEqual([
      { paths: ['cmd/app/main.go'] },
      { paths: ['pkg/a.go', 'pkg/old.go', 'README.md'] },
    ]);
  });

  it('past the budget, reads the whole tree but the highest directories nothing followed is in, busiest first', () => {
    // cmd/ and cmd/app hold a followed path; cmd/tool does not. vendor/ holds three changed paths, docs/ one.
    expect(logScopes(groups, touched, 11, { maxChars: 30, budget: 40 })).toEqual([{ allBut: ['vendor', 'cmd/tool', 'docs'] }]);
  });
});
