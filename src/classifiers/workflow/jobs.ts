// Jobs of GitHub Actions / CircleCI (`jobs:` mapping) and GitLab CI (top-level keys that are not keywords).
import { isMap, isScalar } from 'yaml';
import type { Document } from 'yaml';
import type { Hunk } from '../../model.js';
import { hunkContext, sideView as sideLines } from '../common/lines.js';
import { commentedYaml, keyLine } from './yamlLines.js';

/** Job name → the line of its key, in the file of the side it was read from. */
export type JobLines = Map<string, number>;

/** GitLab CI top-level keywords (https://docs.gitlab.com/ee/ci/yaml/): everything else is a job. */
const GITLAB_KEYWORDS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'pages']);
const JOB_BODY = /^\s{4}(runs-on|steps|needs|uses|strategy|if|container|services|environment|timeout-minutes|docker|machine|executor):/;

/** GitLab CI files: `.gitlab-ci.yml`, and the YAML it includes from `.gitlab-ci/` or `.gitlab/ci/`. */
export const isGitLabCi = (path: string): boolean => /(^|\/)\.gitlab-ci\.yml$|^\.gitlab-ci\/.*\.ya?ml$|^\.gitlab\/ci\/.*\.ya?ml$/.test(path);

/** Job names defined in one hunk's view of one side, with the line of each key (`numbers[i]` is line i's number). */
export function jobsInView(lines: readonly string[], context: string, isGitLab: boolean, numbers: readonly number[] = []): JobLines {
  const jobs: JobLines = new Map();
  const contextKey = keyLine(context);
  let section: string | null = contextKey && contextKey.indent === 0 ? contextKey.key : null;
  lines.forEach((line, index) => {
    const key = keyLine(line);
    if (!key) return;
    if (isGitLab) {
      if (key.indent === 0 && key.value === '' && !key.key.startsWith('.') && !GITLAB_KEYWORDS.has(key.key)) jobs.set(key.key, numbers[index] ?? 0);
      return;
    }
    if (key.indent === 0) {
      section = key.key;
      return;
    }
    if (key.indent !== 2 || key.value !== '') return;
    // Without a visible `jobs:` the body must look like a job (runs-on, steps, needs…).
    const looksLikeJob = lines.slice(index + 1, index + 6).some((next) => JOB_BODY.test(next));
    if (section === 'jobs' || (section === null && looksLikeJob)) jobs.set(key.key, numbers[index] ?? 0);
  });
  return jobs;
}

/** One side's lines of a hunk (common/lines sideView) as texts and their numbers in that side's file. */
export function sideView(hunk: Hunk, side: 'upstream' | 'fork'): { lines: string[]; numbers: number[] } {
  const view = sideLines(hunk, side);
  return { lines: view.map(({ content }) => content), numbers: view.map(({ line }) => line) };
}

export function jobsOfHunks(hunks: readonly Hunk[], side: 'upstream' | 'fork', isGitLab: boolean): JobLines {
  const jobs: JobLines = new Map();
  for (const hunk of hunks) {
    const { lines, numbers } = sideView(hunk, side);
    for (const [job, line] of jobsInView(lines, hunkContext(hunk), isGitLab, numbers)) if (!jobs.has(job)) jobs.set(job, line);
  }
  return jobs;
}

/** Job names of a parsed workflow file (`text` is what it was parsed from) with their key lines. */
export function jobsOfDocument(document: Document, text: string, isGitLab: boolean): JobLines {
  const root = document.contents;
  if (!isMap(root)) return new Map();
  const lineAt = lineOfOffset(text);
  const keysOf = (map: unknown): JobLines => {
    const jobs: JobLines = new Map();
    if (!isMap(map)) return jobs;
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!jobs.has(name)) jobs.set(name, lineAt(pair.key.range?.[0] ?? 0));
    }
    return jobs;
  };
  if (isGitLab) return new Map([...keysOf(root)].filter(([key]) => !key.startsWith('.') && !GITLAB_KEYWORDS.has(key)));
  return keysOf(root.get('jobs', true));
}

/** Offset in `text` → 1-based line number. */
const lineOfOffset = (text: string): ((offset: number) => number) => {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
};

/** The line where `job` is present in the fork only as a commented-out key (`# job:`), if it is. */
export const commentedOutJobLine = (forkLines: readonly string[], job: string, numbers: readonly number[] = []): number | null => {
  const index = forkLines.findIndex((line) => line.trimStart().startsWith('#') && commentedYaml(line) === `${job}:`);
  return index === -1 ? null : (numbers[index] ?? index + 1);
};
