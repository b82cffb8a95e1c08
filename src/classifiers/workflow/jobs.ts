// Jobs of GitHub Actions / CircleCI (`jobs:` mapping) and GitLab CI (top-level keys that are not keywords).
import { parse } from 'yaml';
import type { Hunk } from '../../model.js';
import { hunkContext, sideLines } from '../common/lines.js';
import { commentedYaml, keyLine } from './yamlLines.js';

/** GitLab CI top-level keywords (https://docs.gitlab.com/ee/ci/yaml/): everything else is a job. */
const GITLAB_KEYWORDS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'pages']);
const JOB_BODY = /^\s{4}(runs-on|steps|needs|uses|strategy|if|container|services|environment|timeout-minutes|docker|machine|executor):/;

export const isGitLabCi = (path: string): boolean => /(^|\/)\.gitlab-ci\.yml$/.test(path);

/** Job names defined in one hunk's view of one side, with the hunk's first line of each. */
export function jobsInView(lines: readonly string[], context: string, isGitLab: boolean): Set<string> {
  const jobs = new Set<string>();
  const contextKey = keyLine(context);
  let section: string | null = contextKey && contextKey.indent === 0 ? contextKey.key : null;
  lines.forEach((line, index) => {
    const key = keyLine(line);
    if (!key) return;
    if (isGitLab) {
      if (key.indent === 0 && key.value === '' && !key.key.startsWith('.') && !GITLAB_KEYWORDS.has(key.key)) jobs.add(key.key);
      return;
    }
    if (key.indent === 0) {
      section = key.key;
      return;
    }
    if (key.indent !== 2 || key.value !== '') return;
    // Without a visible `jobs:` the body must look like a job (runs-on, steps, needs…).
    const looksLikeJob = lines.slice(index + 1, index + 6).some((next) => JOB_BODY.test(next));
    if (section === 'jobs' || (section === null && looksLikeJob)) jobs.add(key.key);
  });
  return jobs;
}

export function jobsOfHunks(hunks: readonly Hunk[], side: 'upstream' | 'fork', isGitLab: boolean): Set<string> {
  const jobs = new Set<string>();
  for (const hunk of hunks) for (const job of jobsInView(sideLines(hunk, side), hunkContext(hunk), isGitLab)) jobs.add(job);
  return jobs;
}

/** Job names of a whole workflow file; null when it does not parse. */
export function jobsOfText(text: string, isGitLab: boolean): Set<string> | null {
  let document: unknown;
  try {
    document = parse(text);
  } catch {
    return null;
  }
  if (typeof document !== 'object' || document === null) return new Set();
  const root = document as Record<string, unknown>;
  if (isGitLab) return new Set(Object.keys(root).filter((key) => !key.startsWith('.') && !GITLAB_KEYWORDS.has(key)));
  const jobs = root['jobs'];
  return new Set(typeof jobs === 'object' && jobs !== null ? Object.keys(jobs) : []);
}

/** Is `job` present in the fork only as a commented-out key (`# job:`)? */
export const isCommentedOutJob = (forkLines: readonly string[], job: string): boolean =>
  forkLines.some((line) => line.trimStart().startsWith('#') && commentedYaml(line) === `${job}:`);
