import type { FileDiff, LineSide } from '../model.js';
import { narrowGuesses } from './guessedLines.js';
import type { Where } from './guessedLines.js';
import { commitsUnderEveryName, lastNameOf } from '../git/history.js';
import { createPairCache, oncePer } from '../multiMap.js';
import type { ChangedFiles, PathCommits } from '../git/history.js';
import { NONE_KEPT, UNCHANGED, tipLines } from './changedRanges.js';
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
  /**
   * The fact of a line of a hunk past the lines the parser kept of it
   * (MAX_LINES_PER_HUNK), worked out when asked; null when neither side
   * changed it, or it is no such line.
   */
  unkept?(tip: LineSide, line: number): LineFact | null;
  /**
   * The commits of `side` that removed line `baseLine` of the file as the
   * merge base had it, when its line history says exactly; empty otherwise.
   * For a line the diff does not show as removed (the other tip rewrote it:
   * a re-indented manifest whose entry upstream dropped).
   */
  removedBy?(side: LineSide, baseLine: number): string[];
}

/** What one side did since the merge base, read once per run. */
export interface SideFacts {
  changed: ChangedFiles;
  /** Base → tip hunks of the paths both sides changed, by tip path. */
  ranges: ReadonlyMap<string, readonly HunkRange[]>;
  /** Tip paths among those whose hunks git read against another base name (it paired a rename within their pathspec). */
  renamedRanges: ReadonlySet<string>;
  pathCommits: PathCommits;
  lines: LineHistory;
}

export type BothSides = Record<LineSide, SideFacts>;

/** A side's lines of a file read apart from the shared range diffs (unpairedLines.ts). */
export type UnpairedLines = Partial<Record<LineSide, TipLines>>;

/** The side that is not this one. */
export const OTHER = { upstream: 'fork', fork: 'upstream' } as const satisfies Record<LineSide, LineSide>;

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
 *
 * One case is neither: a base line both sides kept, which the two-tip diff
 * shows as changed only because it lined up the text around it otherwise
 * (upstream swapped two lines and the diff moved the other one; ckan's
 * `query = query.order_by(`, which upstream's rewrite of the branches around
 * it moved). No side removed it. It takes the facts of the change that moved
 * it: a line of the hunk's context that one side wrote (the move the diff did
 * not show), else the nearest changed line of its hunk, else of its file.
 */
export const lineFacts = (file: FileDiff, sides: BothSides, unpaired: UnpairedLines = {}): FileLines => {
  const paths = tipPathsOf(file);
  const linesOf = (side: LineSide): TipLines => {
    const path = paths[side];
    // A tip without the file kept none of its base lines.
    if (path === null) return NONE_KEPT;
    const read = unpaired[side];
    if (read) return read;
    const ranges = sides[side].ranges.get(path);
    if (ranges) return tipLines(ranges);
    // Only files both sides changed have ranges; otherwise one side wrote every changed line of the file.
    return file.side === side ? NONE_KEPT : UNCHANGED;
  };
  const tips = { upstream: linesOf('upstream'), fork: linesOf('fork') };
  const facts = { upstream: new Map<number, LineFact>(), fork: new Map<number, LineFact>() };
  // Facts whose commits are every commit that touched the file: the line history could not say which.
  const guessed = new WeakSet<LineFact>();
  const place = (tip: LineSide, line: number, isWritten: boolean): LineFact => {
    const side = isWritten ? tip : OTHER[tip];
    const path = paths[tip] ?? '';
    const { commits, isExact } = isWritten ? writersOf(sides[tip], path, line) : removers(sides[side], sides[tip], path, tips[tip].baseLine(line) ?? line, paths[side]);
    const fact = { side, commits: distinctShortIds(commits) };
    if (!isExact) guessed.add(fact);
    return fact;
  };
  /** The fact of a changed line, or null for a base line both tips kept. */
  const factOf = (tip: LineSide, line: number): LineFact | null => {
    const isWritten = tips[tip].isWritten(line);
    return !isWritten && tips[OTHER[tip]].keeps(tips[tip].baseLine(line) ?? line) ? null : place(tip, line, isWritten);
  };
  /** A context line one side wrote and the other kept from the base: a move the diff lined up as unchanged. */
  const hiddenWrite = ({ upstream, fork }: ContextLine): LineFact | null => {
    const isUpstream = tips.upstream.isWritten(upstream);
    if (isUpstream === tips.fork.isWritten(fork)) return null;
    return isUpstream ? place('upstream', upstream, true) : place('fork', fork, true);
  };
  // Every changed line's fact in diff order (null for a kept one), where it is (tip and line, side by side), and each hunk's stretch of them.
  const all: (LineFact | null)[] = [];
  const where: Where = { tips: [], lines: [] };
  const kept: { tip: LineSide; line: number; at: number; hunk: HunkLines }[] = [];
  const unread: Record<LineSide, [from: number, to: number][]> = { upstream: [], fork: [] };
  for (const hunk of file.hunks) {
    const lines: HunkLines = { from: all.length, to: all.length, hunk };
    let upstreamLine = hunk.oldStart;
    let forkLine = hunk.newStart;
    for (const line of hunk.lines) {
      if (line.type !== 'normal') {
        const tip = line.type === 'del' ? 'upstream' : 'fork';
        const number = line.type === 'del' ? upstreamLine : forkLine;
        const fact = factOf(tip, number);
        if (fact) facts[tip].set(number, fact);
        else kept.push({ tip, line: number, at: all.length, hunk: lines });
        all.push(fact);
        where.tips.push(tip);
        where.lines.push(number);
      }
      if (line.type !== 'add') upstreamLine += 1;
      if (line.type !== 'del') forkLine += 1;
    }
    lines.to = all.length;
    narrowGuesses(all, where, lines, guessed, facts);
    if (hunk.isTruncated) {
      unread.upstream.push([upstreamLine, hunk.oldStart + hunk.oldLines]);
      unread.fork.push([forkLine, hunk.newStart + hunk.newLines]);
    }
  }
  for (const { tip, line, at, hunk } of kept) {
    const moved = contextOf(hunk).sort((a, b) => Math.abs(a.at - at) - Math.abs(b.at - at)).map(hiddenWrite).find((fact) => fact !== null);
    // A kept line with no change near it at all keeps the rule's reading: the other side removed it.
    facts[tip].set(line, moved ?? nearestFact(all, at, hunk) ?? nearestFact(all, at, { from: 0, to: all.length }) ?? place(tip, line, false));
  }
  const removedBy = (side: LineSide, baseLine: number): string[] => {
    const keeper = OTHER[side];
    const { commits, isExact } = removers(sides[side], sides[keeper], paths[keeper] ?? '', baseLine, paths[side]);
    return isExact ? distinctShortIds(commits) : [];
  };
  if (unread.upstream.length === 0) return { ...facts, removedBy };
  // A whole-file analysis reads lines a huge hunk did not keep (incus rewrote its 1,500-line tests.yml: a job at line 1,034).
  return { ...facts, removedBy, unkept: (tip, line) => (unread[tip].some(([from, to]) => line >= from && line < to) ? factOf(tip, line) : null) };
};

/** A context line of the two-tip diff: its line on each tip, and where it sits among the changed lines. */
interface ContextLine extends Record<LineSide, number> {
  at: number;
}

/** A hunk's changed lines, `from` to `to` (exclusive) in diff order, and the hunk itself. */
interface HunkLines {
  from: number;
  to: number;
  hunk: FileDiff['hunks'][number];
}

/** A hunk's context lines, worked out only for a hunk that has a kept line (few have). */
const contextOf = ({ from, hunk }: HunkLines): ContextLine[] => {
  const context: ContextLine[] = [];
  let upstream = hunk.oldStart;
  let fork = hunk.newStart;
  let at = from;
  for (const line of hunk.lines) {
    if (line.type === 'normal') context.push({ upstream, fork, at });
    else at += 1;
    if (line.type !== 'add') upstream += 1;
    if (line.type !== 'del') fork += 1;
  }
  return context;
};

/**
 * Short ids of `commits`, each once. Most lines have one commit; a line the
 * history could not pin has every commit of its file, the same list for each
 * such line (commitsUnderEveryName's), so that list's ids are made once.
 */
const distinctShortIds = (commits: readonly string[]): string[] => (commits.length <= 1 ? commits.map(shortCommitId) : distinctIds(commits));
// Shared between facts, as narrowGuesses shares a neighbour's: facts are read, never changed.
const distinctIds = oncePer((commits: readonly string[]): string[] => [...new Set(commits.map(shortCommitId))]);

/** The fact of the changed line nearest to `at` (before it first) within `from`…`to` that `accepts` takes. */
const nearestFact = (
  facts: readonly (LineFact | null)[], at: number, { from, to }: Pick<HunkLines, 'from' | 'to'>, accepts: (fact: LineFact) => boolean = () => true,
): LineFact | null => {
  const taken = (index: number): LineFact | null => {
    const fact = index >= from && index < to ? facts[index] : null;
    return fact && accepts(fact) ? fact : null;
  };
  for (let distance = 1; at - distance >= from || at + distance < to; distance += 1) {
    const fact = taken(at - distance) ?? taken(at + distance);
    if (fact) return fact;
  }
  return null;
};

/** Commits that explain a line, and whether the line history said so (else they are every candidate). */
interface Answer {
  commits: string[];
  isExact: boolean;
}

/** Who wrote tip line `line` of `path` on this side: one commit touching the path explains it all. */
const writersOf = (side: SideFacts, path: string, line: number): Answer => {
  const candidates = commitsUnderEveryName(side.pathCommits, path);
  if (candidates.length <= 1) return { commits: candidates, isExact: true };
  const owners = side.lines.ownerOf(path, line);
  return owners && owners.length > 0 ? { commits: owners, isExact: true } : { commits: candidates, isExact: false };
};

/** The commits that wrote a tip line when the history says so; none for a line it cannot pin, or one the merge base already had. */
export const pinnedWriters = (side: SideFacts, path: string, line: number): string[] => {
  if (isBaseLine(side, path, line)) return [];
  const { commits, isExact } = writersOf(side, path, line);
  return isExact ? commits : [];
};

/**
 * Is tip line `line` of `path` one the merge base had, by the side's own
 * base → tip diffs: the file is as the base left it, or the line is outside
 * every hunk of a file whose hunks were read? A file one commit alone
 * touched is that commit's (writersOf), but not the lines it has as the
 * base did: OpenShift's cni-plugins has its bandwidth plugin as upstream
 * left it at the merge base, after a fork commit of months before.
 */
const isBaseLine = (side: SideFacts, path: string, line: number): boolean => {
  if (!side.changed.paths.has(path)) return true;
  const ranges = side.ranges.get(path);
  return ranges !== undefined && !rangeLines(ranges).isWritten(line);
};

/** A file's base → tip hunks as a line map, built once per file. */
const rangeLines = oncePer((ranges: readonly HunkRange[]): TipLines => tipLines(ranges));

/**
 * Who on `remover`'s side removed the base line that tip line `line` of
 * `path` on the other side (`keeper`, which kept it) still is;
 * `removerPath` is the file's path at the remover's tip, if it has one.
 */
const removers = (remover: SideFacts, keeper: SideFacts, path: string, baseLine: number, removerPath: string | null): Answer => {
  const basePath = keeper.changed.fromNames.get(path) ?? path;
  const candidates = removerCandidates(remover, basePath, removerPath);
  if (candidates.length <= 1) return { commits: candidates, isExact: true };
  const owners = remover.lines.removerOf(basePath, baseLine);
  return owners && owners.length > 0 ? { commits: owners, isExact: true } : { commits: candidates, isExact: false };
};

/**
 * The commits of `remover`'s side that touched base path `basePath`: under
 * that name, and, where the side renamed the file, under the names after it.
 * Where the base → tip diff pairs no rename, the side's own commits may have
 * renamed it step by step, to a file changed too much at the end to pair
 * (incus's `internal/server/device/proxy.go`, three renames from LXD's
 * `lxd/device/proxy.go`) or one it later deleted (`lxd/db/query/dump_export_test.go`);
 * else the file's path at the remover's tip, which the side added, is the
 * candidate. Asked for every line of the file the other side kept: worked
 * out once.
 */
const removerCandidates = (remover: SideFacts, basePath: string, removerPath: string | null): string[] => {
  const renamedTo = renamedToOf(remover, basePath, () => remover.changed.renames.get(basePath) ?? lastNameOf(remover.pathCommits, basePath) ?? null) ?? undefined;
  // Only where no rename explains the remover's path: such files are few, and cached apart.
  const addedTo = renamedTo === undefined && removerPath !== null && removerPath !== basePath && remover.changed.added.has(removerPath) ? removerPath : undefined;
  return candidatesOf(remover, addedTo === undefined ? basePath : `${basePath}\0${addedTo}`, () => {
    const under = commitsUnderEveryName(remover.pathCommits, basePath);
    const after = renamedTo ?? addedTo;
    return after === undefined ? under : [...new Set([...under, ...commitsUnderEveryName(remover.pathCommits, after)])];
  });
};

// Per side and base path: the name it was renamed to, null for none.
const renamedToOf = createPairCache<SideFacts, string, string | null>();
const candidatesOf = createPairCache<SideFacts, string, string[]>();

