import type { FileDiff, LineSide } from '../model.js';
import { commitsUnderEveryName } from '../git/history.js';
import type { ChangedFiles, PathCommits } from '../git/history.js';
import { UNCHANGED, tipLines } from './changedRanges.js';
import type { TipLines } from './changedRanges.js';
import type { LineHistory } from './lineHistory.js';
import type { HunkRange } from './patchReader.js';

/** The commit ids findings and hunks carry: the first 12 hex digits. */
export const shortCommitId = (sha: string): string => sha.slice(0, 12);

/** Which side moved one changed line of the two-tip diff, and the commits that explain it. */
export interface LineFact {
  side: LineSide;
  /** Short ids: the commit that wrote the line, or the one that removed it. */
  commits: string[];
}

/** The facts of a file's changed lines: `-` lines by upstream line number, `+` lines by fork line number. */
export interface FileLines {
  upstream: ReadonlyMap<number, LineFact>;
  fork: ReadonlyMap<number, LineFact>;
}

/** What one side did since the merge base, read once per run. */
export interface SideFacts {
  changed: ChangedFiles;
  /** Base → tip hunks of the paths both sides changed, by tip path. */
  ranges: ReadonlyMap<string, readonly HunkRange[]>;
  pathCommits: PathCommits;
  lines: LineHistory;
}

export type BothSides = Record<LineSide, SideFacts>;

const OTHER = { upstream: 'fork', fork: 'upstream' } as const satisfies Record<LineSide, LineSide>;

/** The file's path at each tip; null where the file does not exist there. */
export const tipPathsOf = (file: FileDiff): Record<LineSide, string | null> => ({
  upstream: file.status === 'added' ? null : (file.oldPath ?? file.path),
  fork: file.status === 'deleted' ? null : file.path,
});

/**
 * The side of every changed line, as SPEC defines it from the three trees:
 * a `-` line (upstream tip only) that the base already had was removed by the
 * fork, one it lacked was added upstream; a `+` line (fork tip only) that the
 * base had was removed upstream, one it lacked was added by the fork.
 * "Had" is read from git's own base → tip diffs (which lines each side
 * wrote), never by searching for text. Each line also gets the commits that
 * wrote or removed it.
 */
export const lineFacts = (file: FileDiff, sides: BothSides): FileLines => {
  const paths = tipPathsOf(file);
  const linesOf = (side: LineSide): TipLines => {
    const path = paths[side];
    const ranges = path === null ? undefined : sides[side].ranges.get(path);
    if (ranges) return tipLines(ranges);
    // Only files both sides changed have ranges; otherwise one side wrote every changed line of the file.
    return file.side === side ? { isWritten: () => true, baseLine: () => null } : UNCHANGED;
  };
  const tips = { upstream: linesOf('upstream'), fork: linesOf('fork') };
  const facts = { upstream: new Map<number, LineFact>(), fork: new Map<number, LineFact>() };
  const place = (tip: LineSide, line: number): void => {
    const isWritten = tips[tip].isWritten(line);
    const side = isWritten ? tip : OTHER[tip];
    const path = paths[tip] ?? '';
    const commits = isWritten ? writers(sides[tip], path, line) : removers(sides[side], sides[tip], path, tips[tip].baseLine(line) ?? line);
    facts[tip].set(line, { side, commits: [...new Set(commits.map(shortCommitId))] });
  };
  for (const hunk of file.hunks) {
    let upstreamLine = hunk.oldStart;
    let forkLine = hunk.newStart;
    for (const line of hunk.lines) {
      if (line.type !== 'add') {
        if (line.type === 'del') place('upstream', upstreamLine);
        upstreamLine += 1;
      }
      if (line.type !== 'del') {
        if (line.type === 'add') place('fork', forkLine);
        forkLine += 1;
      }
    }
  }
  return facts;
};

/** Commits on a side that touched `path` under any of its names, through every rename. */
const touching = commitsUnderEveryName;

/** Who wrote tip line `line` of `path` on this side: one commit touching the path explains it all. */
export const writers = (side: SideFacts, path: string, line: number): string[] => {
  const candidates = touching(side.pathCommits, path);
  if (candidates.length <= 1) return candidates;
  const owners = side.lines.ownerOf(path, line);
  return owners && owners.length > 0 ? owners : candidates;
};

/**
 * Who on `remover`'s side removed the base line that tip line `line` of
 * `path` on the other side (`keeper`, which kept it) still is.
 */
const removers = (remover: SideFacts, keeper: SideFacts, path: string, baseLine: number): string[] => {
  const basePath = keeper.changed.fromNames.get(path) ?? path;
  // The remover may have renamed the file: its commits touched the base name, or the names after it.
  const renamedTo = remover.changed.renames.get(basePath);
  const candidates = [...new Set([...touching(remover.pathCommits, basePath), ...(renamedTo ? touching(remover.pathCommits, renamedTo) : [])])];
  if (candidates.length <= 1) return candidates;
  const owners = remover.lines.removerOf(basePath, baseLine);
  return owners && owners.length > 0 ? owners : candidates;
};
