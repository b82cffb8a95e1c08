// Matrix entries (https://docs.github.com/en/actions/using-jobs/using-a-matrix-for-your-jobs,
// GitLab `parallel: matrix:`) and comma-separated lists such as PLATFORMS that the fork shortened.
import type { Hunk } from '../../model.js';
import { changedLines, sideLines } from '../common/lines.js';
import { commentedYaml, enclosingKeys, keyLine, listItem } from './yamlLines.js';

export interface MatrixDrop {
  /** The matrix dimension or list key, e.g. `worker`, `PLATFORMS`. */
  key: string;
  /** Entries upstream has that the fork lacks. */
  removed: string[];
  upstreamCount: number | null;
  forkCount: number | null;
  isCommentedOut: boolean;
  /** The enclosing job, when the hunk shows it. */
  job: string | null;
  hunk: Hunk;
  /** The lines it was read from: the entry upstream, and the fork's comment or shortened value. */
  lines: { upstream: number[]; fork: number[] };
}

/** The fork's `+` lines that comment out YAML, by the line they hide (no indent), with their line numbers. */
const commentedForkLines = (hunk: Hunk): Map<string, number> => {
  const commented = new Map<string, number>();
  for (const { content, tip, line } of changedLines(hunk)) {
    const hidden = tip === 'fork' ? commentedYaml(content) : null;
    if (hidden !== null && !commented.has(hidden)) commented.set(hidden, line);
  }
  return commented;
};

/** Sequences that are never matrix dimensions. */
const NOT_MATRIX = new Set(['steps', 'needs', 'branches', 'branches-ignore', 'tags', 'tags-ignore', 'paths', 'paths-ignore', 'types', 'services', 'script', 'before_script', 'after_script', 'only', 'except', 'stages', 'rules', 'args', 'command', 'entrypoint', 'cache', 'artifacts', 'outputs', 'files']);

const jobOf = (keys: readonly { indent: number; key: string }[]): string | null =>
  keys.find((key) => key.indent === 2)?.key ?? null;

/** List items upstream has under a matrix-like key that the fork removed or commented out. */
export function droppedMatrixItems(hunk: Hunk): MatrixDrop[] {
  const upstream = sideLines(hunk, 'upstream');
  const forkItems = new Set(sideLines(hunk, 'fork').map((line) => listItem(line)?.value).filter((value) => value !== undefined));
  const commentedItems = new Map<string, number>();
  for (const [hidden, line] of commentedForkLines(hunk)) {
    const value = listItem(hidden)?.value;
    if (value !== undefined && !commentedItems.has(value)) commentedItems.set(value, line);
  }
  const drops: MatrixDrop[] = [];
  let upstreamIndex = -1;
  for (const line of hunk.lines) {
    if (line.type === 'add') continue;
    upstreamIndex += 1;
    if (line.type !== 'del') continue;
    const upstreamLine = hunk.oldStart + upstreamIndex;
    const item = listItem(line.content);
    if (!item || forkItems.has(item.value)) continue;
    const keys = enclosingKeys(upstream, upstreamIndex);
    const parent = keys[0];
    if (!parent || NOT_MATRIX.has(parent.key)) continue;
    const isInMatrix = keys.some((key) => key.key === 'matrix');
    // When the hunk starts inside the list, its ancestors are unseen: accept unless known not to be a matrix.
    const isWindowCut = keys.length < 3 && !keys.some((key) => key.indent === 0);
    if (!isInMatrix && !isWindowCut) continue;
    const commented = commentedItems.get(item.value);
    drops.push({
      key: parent.key, removed: [item.value], upstreamCount: null, forkCount: null,
      isCommentedOut: commented !== undefined, job: jobOf(keys), hunk,
      lines: { upstream: [upstreamLine], fork: commented === undefined ? [] : [commented] },
    });
  }
  return drops;
}

const splitList = (value: string): string[] =>
  value.replace(/^["']|["']$/g, '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');

/** `KEY: a,b,c` upstream and `KEY: a` in the fork: a list value the fork shortened. */
export function shortenedLists(hunk: Hunk): MatrixDrop[] {
  const forkValues = new Map<string, { value: string; line: number }>();
  for (const { content, tip, line } of changedLines(hunk)) {
    const key = tip === 'fork' ? keyLine(content) : null;
    if (key && key.value !== '') forkValues.set(key.key, { value: key.value, line });
  }
  const commented = commentedForkLines(hunk);
  const drops: MatrixDrop[] = [];
  const upstream = sideLines(hunk, 'upstream');
  let upstreamIndex = -1;
  for (const line of hunk.lines) {
    if (line.type === 'add') continue;
    upstreamIndex += 1;
    const key = line.type === 'del' ? keyLine(line.content) : null;
    const fork = key ? forkValues.get(key.key) : undefined;
    if (!key || fork === undefined) continue;
    const forkValue = fork.value;
    const before = splitList(key.value);
    const after = splitList(forkValue);
    if (before.length < 2 || after.length >= before.length || !after.every((entry) => before.includes(entry))) continue;
    const comment = commented.get(line.content.trim());
    drops.push({
      key: key.key, removed: before.filter((entry) => !after.includes(entry)), upstreamCount: before.length, forkCount: after.length,
      isCommentedOut: comment !== undefined, job: jobOf(enclosingKeys(upstream, upstreamIndex)), hunk,
      lines: { upstream: [hunk.oldStart + upstreamIndex], fork: [fork.line, ...(comment === undefined ? [] : [comment])] },
    });
  }
  return drops;
}
