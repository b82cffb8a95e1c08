// Matrix entries (https://docs.github.com/en/actions/using-jobs/using-a-matrix-for-your-jobs,
// GitLab `parallel: matrix:`) and comma-separated lists such as PLATFORMS that the fork shortened.
import { fingerprint } from '../../fingerprint.js';
import type { Finding, Hunk } from '../../model.js';
import { changedLines, sideLines } from '../common/lines.js';
import { commentedYaml, enclosingKeys, keyLine, listItem, unquote } from './yamlLines.js';

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
 */
export function droppedMatrixItems(hunk: Hunk, upstreamFile: readonly string[] | null = null): MatrixDrop[] {
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
  }
  return drops;
}

/** `a,b,c`, `"a, b"` or a flow list `[3.10, 3.11]`, as entries. */
const splitList = (value: string): string[] =>
  unquote(value).replace(/^\[(.*)\]$/, '$1').split(',').map((entry) => unquote(entry.trim())).filter((entry) => entry !== '');

/** `KEY: a,b,c` (or `[a, b, c]`) upstream and `KEY: a` in the fork: a list value the fork shortened. */
export function shortenedLists(hunk: Hunk, upstreamFile: readonly string[] | null = null): MatrixDrop[] {
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
      isCommentedOut: comment !== undefined,
      job: jobOf(upstreamFile ? enclosingKeys(upstreamFile, hunk.oldStart + upstreamIndex - 1) : enclosingKeys(upstream, upstreamIndex)),
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
