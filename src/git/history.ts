import { runGitWithInput } from './spawnGit.js';
import { spawnChangedLinesDiff } from './diffStream.js';
import type { GitProcess } from './spawnGit.js';
import type { Repo } from './repo.js';

/** A line range, 1-based and inclusive, as `git blame -L` takes it. */
export interface LineRange {
  from: number;
  to: number;
}

/**
 * The history queries attribution needs, so that attribution itself never
 * runs git. Each is batched: one process per question, not one per file.
 */
export interface History {
  /** Blob ids for `rev:path` names (null where absent), in order. */
  blobIds(names: string[]): Promise<(string | null)[]>;
  /** Zero-context diff `from` → `to`, limited to `paths` (all when empty). */
  changedLines(from: string, to: string, paths: string[]): GitProcess;
  /** Line of `path` at `rev` → the commit in `since..rev` that last touched it (older lines absent); null if blame fails. */
  blame(rev: string, since: string, path: string, ranges: LineRange[]): Promise<Map<number, string> | null>;
  /** For each path at `to`, the commits in `from..to` that touched it, newest first. */
  commitsByPath(from: string, to: string): Promise<Map<string, string[]>>;
}

export const createHistory = (repo: Repo): History => ({
  blobIds: async (names) => {
    if (names.length === 0) return [];
    const output = await runGitWithInput(repo.cwd, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], names.map((name) => `${name}\n`).join(''));
    return output
      .split('\n')
      .slice(0, names.length)
      .map((line) => (/^[0-9a-f]{40,64} \w+$/.test(line) ? (line.split(' ')[0] ?? null) : null));
  },

  changedLines: (from, to, paths) => spawnChangedLinesDiff(repo.cwd, from, to, paths),

  blame: async (rev, since, path, ranges) => {
    const lineArgs = ranges.flatMap((range) => ['-L', `${range.from},${range.to}`]);
    const output = await repo.git.raw(['blame', '--porcelain', ...lineArgs, `^${since}`, rev, '--', path]).catch(() => null);
    return output === null ? null : blamedLines(output);
  },

  commitsByPath: async (from, to) => {
    // -z keeps paths raw (no C-quoting of quotes, tabs or newlines); \x01 marks a commit id.
    const output = await repo.git.raw(['log', '-z', '--no-merges', '-M', '--format=%x01%H', '--name-only', `${from}..${to}`, '--']);
    const byPath = new Map<string, string[]>();
    let sha = '';
    for (const token of output.split('\0').map((part) => part.replace(/^\n/, ''))) {
      if (token.startsWith('\x01')) sha = token.slice(1);
      else if (token.length > 0) byPath.set(token, [...(byPath.get(token) ?? []), sha]);
    }
    return byPath;
  },
});

/** Final line → commit from `git blame --porcelain`, minus the range's boundary commits. */
const blamedLines = (porcelain: string): Map<number, string> => {
  const byLine = new Map<number, string>();
  const boundaries = new Set<string>();
  let current = '';
  for (const line of porcelain.split('\n')) {
    // Every blamed line has a header `<sha> <original line> <final line> [<group size>]`.
    const header = /^([0-9a-f]{40,64}) \d+ (\d+)/.exec(line);
    if (header?.[1] && header[2]) {
      current = header[1];
      byLine.set(Number(header[2]), current);
    } else if (line === 'boundary') {
      boundaries.add(current);
    }
  }
  for (const [line, sha] of byLine) {
    if (boundaries.has(sha)) byLine.delete(line);
  }
  return byLine;
};
