import type { FileDiff, LineSide, Side, Tip } from '../../model.js';
import type { LineFact } from '../../attribution/lineFacts.js';
import type { ClassifyContext } from '../define.js';

/** The lines a finding was read from: upstream tip line numbers and fork tip line numbers. */
export interface LineRefs {
  upstream?: Iterable<number | null | undefined>;
  fork?: Iterable<number | null | undefined>;
  /** Lines the finding reads through (the ARG a FROM line substitutes): they say who moved it and by which commits, never where it is. */
  through?: { upstream?: Iterable<number | null | undefined>; fork?: Iterable<number | null | undefined> };
}

/** Where a finding is and who moved it: what `createFinding` takes besides its drift. */
export interface Located {
  side: Side;
  commits: string[];
  line: number | null;
  lineIn: Tip | null;
}

const numbers = (values: Iterable<number | null | undefined> | undefined): number[] =>
  [...(values ?? [])].filter((value): value is number => typeof value === 'number' && value > 0).sort((a, b) => a - b);

/**
 * A finding's side is the side of the lines it was read from, not of its hunk
 * or file: the changed lines among `refs` each moved on one side (see
 * attribution/lineFacts.ts), and the finding is that side, or `both`. Its
 * commits are the ones that wrote or removed those lines, and its line the
 * first one in the fork's file, else upstream's. Without history (diff-file
 * mode, no merge base) the side is unknown, not guessed; the line is still
 * known. Refs that are no changed line (context read for a whole-file
 * analysis) leave the file's side.
 */
export function locate(file: FileDiff, context: ClassifyContext, refs: LineRefs): Located {
  const upstream = numbers(refs.upstream);
  const fork = numbers(refs.fork);
  const facts = context.linesOf(file);
  const sides = new Set<Exclude<Side, null>>();
  const commits = new Set<string>();
  const changed = { upstream: [] as number[], fork: [] as number[] };
  const through = { upstream: numbers(refs.through?.upstream), fork: numbers(refs.through?.fork) };
  /** Who changed `line` of `tip`, if anyone: its side and commits count; false for a line no side changed. */
  const read = (tip: Tip, line: number): boolean => {
    const fact = factOf(facts, tip, line);
    if (!fact) return false;
    sides.add(fact.side);
    for (const sha of fact.commits) commits.add(sha);
    return true;
  };
  for (const tip of ['fork', 'upstream'] as const) {
    for (const line of tip === 'fork' ? fork : upstream) if (read(tip, line)) changed[tip].push(line);
    for (const line of through[tip]) read(tip, line);
  }
  const side: Side = facts === null ? null : sides.size === 0 ? file.side : sides.size === 1 ? ([...sides][0] ?? null) : 'both';
  const [line, lineIn] = firstLine(changed.fork, changed.upstream, fork, upstream);
  return { side, commits: [...commits], line, lineIn };
}

const factOf = (facts: ReturnType<ClassifyContext['linesOf']>, tip: Tip, line: number): LineFact | null =>
  facts?.[tip].get(line) ?? facts?.unkept?.(tip, line) ?? null;

/**
 * The commits of one side among those that changed `lines` of `tip`: of a
 * hunk upstream and the fork both changed, the upstream commits that wrote
 * its upstream lines, not the fork's that removed the others.
 */
export const commitsOfSide = (file: FileDiff, context: ClassifyContext, tip: Tip, lines: Iterable<number>, side: LineSide): string[] => {
  const facts = context.linesOf(file);
  const commits = new Set<string>();
  for (const line of lines) {
    const fact = factOf(facts, tip, line);
    if (fact?.side === side) for (const sha of fact.commits) commits.add(sha);
  }
  return [...commits];
};

/** A changed fork line, else a changed upstream line, else any fork line, else any upstream line. */
const firstLine = (changedFork: number[], changedUpstream: number[], fork: number[], upstream: number[]): [number | null, Tip | null] => {
  if (changedFork[0] !== undefined) return [changedFork[0], 'fork'];
  if (changedUpstream[0] !== undefined) return [changedUpstream[0], 'upstream'];
  if (fork[0] !== undefined) return [fork[0], 'fork'];
  if (upstream[0] !== undefined) return [upstream[0], 'upstream'];
  return [null, null];
};

/** The tip that alone has the file: the fork for a file the diff adds, upstream for one it deletes; null for a file both have. */
export const soleTipOf = (file: FileDiff): LineSide | null => (file.status === 'added' ? 'fork' : file.status === 'deleted' ? 'upstream' : null);

/** Lines of no particular place: the file's side, no line (a whole deleted test file, a vendored module). */
export const wholeFile = (file: FileDiff, context: ClassifyContext): Located => {
  const facts = context.linesOf(file);
  if (facts === null) return { side: null, commits: [], line: null, lineIn: null };
  const commits = new Set<string>();
  for (const hunk of file.hunks) for (const sha of hunk.commits) commits.add(sha);
  return { side: file.side, commits: [...commits], line: null, lineIn: null };
};
