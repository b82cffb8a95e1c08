// GitHub's reusable workflows (https://docs.github.com/en/actions/sharing-automations/reusing-workflows):
// a job that is `uses: ./.github/workflows/x.yml` runs that file's jobs.
import type { ClassifyContext } from '../define.js';
import { bodyAt } from './jobChanges.js';
import { jobsInView } from './jobs.js';

/** A job's own `uses:` of a workflow in the same repository (not a step's, which is indented further as a list item). */
const CALLED = /^ {4}uses:\s*["']?\.\/(\.github\/workflows\/[^"'\s]+\.ya?ml)["']?\s*(?:#.*)?$/;

/** A workflow file a job calls, and its jobs with their bodies. */
export interface CalledWorkflow {
  path: string;
  jobs: { name: string; body: string[] }[];
}

/**
 * The repository's own reusable workflows that jobs of a workflow call, read
 * whole from the fork's tip (git mode; none in a saved diff, or where a file
 * is not there).
 */
export async function calledWorkflows(lines: readonly string[], context: ClassifyContext): Promise<CalledWorkflow[]> {
  const paths = [...new Set(lines.flatMap((line) => CALLED.exec(line)?.[1] ?? []))];
  const called = await Promise.all(paths.map(async (path) => {
    const text = context.mode === 'git' ? await context.readFile('fork', path) : null;
    if (text === null) return null;
    const own = text.split('\n');
    const numbers = own.map((_, index) => index + 1);
    return { path, jobs: [...jobsInView(own, '', false, numbers)].map(([name, line]) => ({ name, body: bodyAt(own, numbers, line) })) };
  }));
  return called.filter((workflow): workflow is CalledWorkflow => workflow !== null);
}
