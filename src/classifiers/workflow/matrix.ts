// Matrix entries (https://docs.github.com/en/actions/using-jobs/using-a-matrix-for-your-jobs,
// GitLab `parallel: matrix:`) and comma-separated lists such as PLATFORMS that the fork shortened.
import { fingerprint } from '../../fingerprint.js';
import type { Finding, Hunk } from '../../model.js';
import { changedLines, sideLines } from '../common/lines.js';
import { commentedYaml, enclosingKeys, indentOf, keyLine, listItem, unquote } from './yamlLines.js';

export interface MatrixDrop {
  /** The matrix dimension or list key, e.g. `worker`, `PLATFORMS`. */
  key: string;
  /** Entries upstream has that the fork lacks. */
  removed: string[];
  upstreamCount: number | null;
  forkCount: number | null;
  isCommentedOut: boolean;
  /** The enclosing job: from upstream's whole file in git mode, else when the hunk shows it. */
  job: string | null;
  /**
   * The job as the hunk alone shows it, which is what fingerprints were made
   * of before whole files were read: kept, so baselines keep matching (see
   * `separateSameDrops` for two jobs that drop the same entry).
   */
  identityJob: string | null;
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

/** Top-level keys that are not jobs, in GitHub Actions and GitLab CI files. */
const NOT_JOBS = new Set(['on', 'name', 'env', 'permissions', 'concurrency', 'defaults', 'run-name', 'stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script']);

/** The job a line sits in: the key under `jobs:` (GitHub, CircleCI), a top-level key (GitLab), or the 2-indented key of a window. */
const jobOf = (keys: readonly { indent: number; key: string }[]): string | null => {
  const jobs = keys.findIndex((key) => key.key === 'jobs' && key.indent === 0);
  if (jobs > 0) return keys[jobs - 1]?.key ?? null;
  const top = keys.at(-1);
  if (jobs === -1 && top?.indent === 0 && !NOT_JOBS.has(top.key)) return top.key;
  return keys.find((key) => key.indent === 2)?.key ?? null;
};

/**
 * List items upstream has under a matrix-like key that the fork removed or
 * commented out. With upstream's whole file (git mode) the enclosing job and
 * key are read from it, so a hunk that starts inside a list still knows both.
 * An item the fork has as it would write it after its renames (`translate`,
 * attribution/renames.ts) is renamed, not removed: cherrypick lints its
 * `cherrypick-js` workspace where misskey lints `misskey-js`. Only upstream's
 * item is translated: a name learnt wrongly from some path (`_linux.go` →
 * `_darwin.go`) would otherwise make two of the fork's items one.
 */
export function droppedMatrixItems(hunk: Hunk, upstreamFile: readonly string[] | null = null, translate: (text: string) => string = (text) => text): MatrixDrop[] {
  const upstream = sideLines(hunk, 'upstream');
  const fork = itemsOf(sideLines(hunk, 'fork'));
  const commentedItems = new Map<string, number>();
  for (const [hidden, line] of commentedForkLines(hunk)) {
    const value = listItem(hidden)?.value;
    if (value !== undefined && !commentedItems.has(value)) commentedItems.set(value, line);
  }
  const drops: MatrixDrop[] = [];
  const rests: string[][] = [];
  let upstreamIndex = -1;
  for (const line of hunk.lines) {
    if (line.type === 'add') continue;
    upstreamIndex += 1;
    if (line.type !== 'del') continue;
    const upstreamLine = hunk.oldStart + upstreamIndex;
    const item = listItem(line.content);
    if (!item) continue;
    const windowRest = restOfItem(upstream, upstreamIndex);
    const whole = wholeItem(item.value, windowRest);
    if (fork.whole.has(whole) || fork.whole.has(translate(whole))) continue;
    const windowKeys = enclosingKeys(upstream, upstreamIndex);
    const keys = upstreamFile ? enclosingKeys(upstreamFile, upstreamLine - 1) : windowKeys;
    const parent = keys[0];
    if (!parent || NOT_MATRIX.has(parent.key)) continue;
    const isInMatrix = keys.some((key) => key.key === 'matrix');
    // When the hunk starts inside the list, its ancestors are unseen: accept unless known not to be a matrix.
    const isWindowCut = upstreamFile === null && keys.length < 3 && !keys.some((key) => key.indent === 0);
    if (!isInMatrix && !isWindowCut) continue;
    const commented = commentedItems.get(item.value);
    drops.push({
      key: parent.key, removed: [item.value], upstreamCount: null, forkCount: null,
      isCommentedOut: commented !== undefined, job: jobOf(keys), identityJob: jobOf(windowKeys), hunk,
      lines: { upstream: [upstreamLine], fork: commented === undefined ? [] : [commented] },
    });
    rests.push(upstreamFile ? restOfItem(upstreamFile, upstreamLine - 1) : windowRest);
  }
  return toldApart(drops, rests, fork.first);
}

/** An item with the rest of its mapping: what tells it from another item of the same first key. */
const wholeItem = (value: string, rest: readonly string[]): string => [value, ...rest].join(', ');

/** A side's list items: their first lines, and whole (with the rest of their mappings). */
const itemsOf = (lines: readonly string[]): { first: Set<string>; whole: Set<string> } => {
  const first = new Set<string>();
  const whole = new Set<string>();
  lines.forEach((line, index) => {
    const item = listItem(line);
    if (!item) return;
    first.add(item.value);
    whole.add(wholeItem(item.value, restOfItem(lines, index)));
  });
  return { first, whole };
};

/**
 * The other keys of the mapping a list item starts (`- group: storage`, then
 * `backends: ceph` under it), as `key: value`, up to the next item.
 */
const restOfItem = (lines: readonly string[], index: number): string[] => {
  const item = listItem(lines[index] ?? '');
  if (!item || keyLine(item.value) === null) return [];
  const rest: string[] = [];
  for (let at = index + 1; at < lines.length; at += 1) {
    const line = lines[at] ?? '';
    if (line.trim() === '') continue;
    if (indentOf(line) <= item.indent) break;
    const key = keyLine(line);
    if (key && key.indent === item.indent + 2) rest.push(key.value === '' ? key.key : `${key.key}: ${key.value}`);
  }
  return rest;
};

/**
 * An item whose first key does not tell it apart, from another item upstream
 * drops or from one the fork keeps (incus runs none of LXD's five
 * `- group: standalone_storage` items, one per storage backend; a fork that
 * keeps one `- os: 22.04` exclusion of two), is named with the rest of its
 * mapping: one finding each, each with its own fingerprint. Any other item
 * keeps its first key alone, and with it the fingerprint baselines know.
 */
const toldApart = (drops: MatrixDrop[], rests: readonly string[][], forkFirst: ReadonlySet<string>): MatrixDrop[] => {
  const same = new Map<string, number>();
  const identity = (drop: MatrixDrop): string => `${drop.job ?? ''}\0${drop.key}\0${drop.removed.join(',')}`;
  for (const drop of drops) same.set(identity(drop), (same.get(identity(drop)) ?? 0) + 1);
  return drops.map((drop, index) => {
    const rest = rests[index] ?? [];
    const isAmbiguous = (same.get(identity(drop)) ?? 0) > 1 || drop.removed.some((value) => forkFirst.has(value));
    return isAmbiguous && rest.length > 0 ? { ...drop, removed: [wholeItem(drop.removed.join(', '), rest)] } : drop;
  });
};

/** `a,b,c`, `"a, b"` or a flow list `[3.10, 3.11]`, as entries. */
const splitList = (value: string): string[] =>
  unquote(value).replace(/^\[(.*)\]$/, '$1').split(',').map((entry) => unquote(entry.trim())).filter((entry) => entry !== '');

/**
 * `KEY: a,b,c` (or `[a, b, c]`) upstream and `KEY: a` in the fork: a list
 * value the fork shortened. With both whole files, only in one job: the
 * hunk also pairs a key of a job one side removed with the same key in
 * another job (paperless-ngx moved its `tests` job and its three Python
 * versions to a reusable workflow; a setup step elsewhere sets `python-version: "3.9"`).
 */
export function shortenedLists(hunk: Hunk, upstreamFile: readonly string[] | null = null, forkFile: readonly string[] | null = null): MatrixDrop[] {
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
    const job = jobOf(upstreamFile ? enclosingKeys(upstreamFile, hunk.oldStart + upstreamIndex - 1) : enclosingKeys(upstream, upstreamIndex));
    if (upstreamFile && forkFile && jobOf(enclosingKeys(forkFile, fork.line - 1)) !== job) continue;
    const comment = commented.get(line.content.trim());
    drops.push({
      key: key.key, removed: before.filter((entry) => !after.includes(entry)), upstreamCount: before.length, forkCount: after.length,
      isCommentedOut: comment !== undefined,
      job,
      identityJob: jobOf(enclosingKeys(upstream, upstreamIndex)),
      hunk,
      lines: { upstream: [hunk.oldStart + upstreamIndex], fork: [fork.line, ...(comment === undefined ? [] : [comment])] },
    });
  }
  return drops;
}

/**
 * Two jobs can drop the same entry; a hunk that does not show the job gives
 * them one identity. The first keeps it (a baseline made before jobs were
 * read from whole files names that one), each other one is told apart by
 * its job, so every job's drop is its own finding.
 */
export function separateSameDrops(findings: Finding[]): Finding[] {
  const jobsByFingerprint = new Map<string, unknown>();
  for (const finding of findings) {
    if (finding.kind !== 'matrix-entry-removed' && finding.kind !== 'matrix-test-removed') continue;
    const job = finding.details['job'];
    if (!jobsByFingerprint.has(finding.fingerprint)) jobsByFingerprint.set(finding.fingerprint, job);
    else if (jobsByFingerprint.get(finding.fingerprint) !== job) finding.fingerprint = fingerprint(finding.fingerprint, String(job));
  }
  return findings;
}
