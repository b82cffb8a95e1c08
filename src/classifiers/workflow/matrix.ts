// Matrix entries (https://docs.github.com/en/actions/using-jobs/using-a-matrix-for-your-jobs,
// GitLab `parallel: matrix:`) and comma-separated lists such as PLATFORMS that the fork shortened.
import type { Hunk } from '../../model.js';
import { addedLines, sideLines } from '../common/lines.js';
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
}

/** Sequences that are never matrix dimensions. */
const NOT_MATRIX = new Set(['steps', 'needs', 'branches', 'branches-ignore', 'tags', 'tags-ignore', 'paths', 'paths-ignore', 'types', 'services', 'script', 'before_script', 'after_script', 'only', 'except', 'stages', 'rules', 'args', 'command', 'entrypoint', 'cache', 'artifacts', 'outputs', 'files']);

const jobOf = (keys: readonly { indent: number; key: string }[]): string | null =>
  keys.find((key) => key.indent === 2)?.key ?? null;

/** List items upstream has under a matrix-like key that the fork removed or commented out. */
export function droppedMatrixItems(hunk: Hunk): MatrixDrop[] {
  const upstream = sideLines(hunk, 'upstream');
  const forkItems = new Set(sideLines(hunk, 'fork').map((line) => listItem(line)?.value).filter((value) => value !== undefined));
  const commentedItems = new Set(addedLines(hunk).map((line) => listItem(commentedYaml(line) ?? '')?.value).filter((value) => value !== undefined));
  const drops: MatrixDrop[] = [];
  let upstreamIndex = -1;
  for (const line of hunk.lines) {
    if (line.type === 'add') continue;
    upstreamIndex += 1;
    if (line.type !== 'del') continue;
    const item = listItem(line.content);
    if (!item || forkItems.has(item.value)) continue;
    const keys = enclosingKeys(upstream, upstreamIndex);
    const parent = keys[0];
    if (!parent || NOT_MATRIX.has(parent.key)) continue;
    const isInMatrix = keys.some((key) => key.key === 'matrix');
    // When the hunk starts inside the list, its ancestors are unseen: accept unless known not to be a matrix.
    const isWindowCut = keys.length < 3 && !keys.some((key) => key.indent === 0);
    if (!isInMatrix && !isWindowCut) continue;
    drops.push({
      key: parent.key, removed: [item.value], upstreamCount: null, forkCount: null,
      isCommentedOut: commentedItems.has(item.value), job: jobOf(keys), hunk,
    });
  }
  return drops;
}

const splitList = (value: string): string[] =>
  value.replace(/^["']|["']$/g, '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');

/** `KEY: a,b,c` upstream and `KEY: a` in the fork: a list value the fork shortened. */
export function shortenedLists(hunk: Hunk): MatrixDrop[] {
  const forkValues = new Map<string, string>();
  for (const line of hunk.lines) {
    const key = line.type === 'add' ? keyLine(line.content) : null;
    if (key && key.value !== '') forkValues.set(key.key, key.value);
  }
  const commented = new Set(addedLines(hunk).map(commentedYaml).filter((line): line is string => line !== null));
  const drops: MatrixDrop[] = [];
  const upstream = sideLines(hunk, 'upstream');
  let upstreamIndex = -1;
  for (const line of hunk.lines) {
    if (line.type === 'add') continue;
    upstreamIndex += 1;
    const key = line.type === 'del' ? keyLine(line.content) : null;
    const forkValue = key ? forkValues.get(key.key) : undefined;
    if (!key || forkValue === undefined) continue;
    const before = splitList(key.value);
    const after = splitList(forkValue);
    if (before.length < 2 || after.length >= before.length || !after.every((entry) => before.includes(entry))) continue;
    drops.push({
      key: key.key, removed: before.filter((entry) => !after.includes(entry)), upstreamCount: before.length, forkCount: after.length,
      isCommentedOut: commented.has(line.content.trim()), job: jobOf(enclosingKeys(upstream, upstreamIndex)), hunk,
    });
  }
  return drops;
}
