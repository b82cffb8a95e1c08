import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './paths.js';

/**
 * Runs a GitHub Actions workflow's job, or this project's action.yml, step by
 * step with bash, as the runner would: `if:` conditions, `${{ }}` expressions,
 * step env, stop at the first failing step. Only the expressions the README
 * and action.yml use are understood; anything else throws, so a change there
 * that this runner cannot follow fails the test instead of passing untested.
 */

interface Step {
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

export interface RunContext {
  /** `github.event_name`. */
  event: 'schedule' | 'pull_request' | 'workflow_dispatch';
  /** `github.base_ref` (pull requests only). */
  baseRef?: string;
  /** Where the repository is checked out: every step's working directory. */
  workspace: string;
  /** The job summary file (`$GITHUB_STEP_SUMMARY`). */
  summary: string;
  /** Text replaced in every step before it runs, e.g. a remote URL by a local fixture path. */
  replace?: readonly [string, string][];
}

export interface StepResult {
  name: string;
  status: number | null;
  output: string;
}

type Values = Record<string, string>;

function evaluate(expression: string, context: RunContext, inputs: Values): string | boolean {
  const comparison = /^(.+?)\s*(==|!=)\s*'([^']*)'$/.exec(expression.trim());
  if (comparison) {
    const value = evaluate(comparison[1] as string, context, inputs);
    return comparison[2] === '==' ? value === comparison[3] : value !== comparison[3];
  }
  const name = expression.trim();
  if (name === 'github.event_name') return context.event;
  if (name === 'github.base_ref') return context.baseRef ?? '';
  if (name.startsWith('inputs.') && name.slice('inputs.'.length) in inputs) return inputs[name.slice('inputs.'.length)] as string;
  throw new Error(`githubWorkflow: cannot evaluate \${{ ${expression} }}`);
}

const interpolate = (text: string, context: RunContext, inputs: Values): string =>
  (context.replace ?? []).reduce(
    (result, [from, to]) => result.split(from).join(to),
    text.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, expression: string) => String(evaluate(expression, context, inputs))),
  );

const isWanted = (step: Step, context: RunContext, inputs: Values): boolean => {
  if (step.if === undefined) return true;
  const expression = step.if.replace(/^\$\{\{\s*|\s*\}\}$/g, '');
  return evaluate(expression, context, inputs) === true;
};

const stringValues = (values: Record<string, unknown> | undefined, context: RunContext, inputs: Values): Values =>
  Object.fromEntries(Object.entries(values ?? {}).map(([key, value]) => [key, interpolate(String(value), context, inputs)]));

function runScript(script: string, env: Values, context: RunContext): { status: number | null; output: string } {
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd: context.workspace,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: context.event,
      GITHUB_WORKSPACE: context.workspace,
      GITHUB_STEP_SUMMARY: context.summary,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...env,
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** This project's action.yml, run with these `with:` values: its steps' results, stopping at the first failure. */
export function runAction(withValues: Values, context: RunContext): StepResult[] {
  const action = parse(readFileSync(join(projectRoot, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }>; runs: { steps: Step[] } };
  for (const key of Object.keys(withValues)) if (!(key in action.inputs)) throw new Error(`githubWorkflow: action.yml has no input ${key}`);
  const inputs: Values = Object.fromEntries(Object.entries(action.inputs).map(([key, input]) => [key, withValues[key] ?? input.default ?? '']));
  const results: StepResult[] = [];
  for (const step of action.runs.steps) {
    if (!isWanted(step, context, inputs)) continue;
    if (step.run === undefined) throw new Error(`githubWorkflow: action step ${step.name ?? '?'} is not a run step`);
    const env = { ...stringValues(step.env, context, inputs), GITHUB_ACTION_PATH: projectRoot };
    results.push({ name: step.name ?? 'run', ...runScript(interpolate(step.run, context, inputs), env, context) });
    if (results.at(-1)?.status !== 0) break;
  }
  return results;
}

/**
 * One job of a workflow. `actions/checkout` is done by the test beforehand (the
 * workspace); a step that `uses` this project's action runs action.yml.
 */
export function runJob(workflowYaml: string, job: string, context: RunContext): { status: 'success' | 'failure' | 'skipped'; steps: StepResult[] } {
  const workflow = parse(workflowYaml) as { jobs: Record<string, Step & { steps: Step[] }> };
  const definition = workflow.jobs[job];
  if (!definition) throw new Error(`githubWorkflow: no job ${job}`);
  if (!isWanted(definition, context, {})) return { status: 'skipped', steps: [] };
  const steps: StepResult[] = [];
  for (const step of definition.steps) {
    if (!isWanted(step, context, {})) continue;
    const name = step.name ?? step.uses ?? 'run';
    if (step.uses?.startsWith('actions/checkout@')) continue;
    if (step.uses !== undefined && /\/forkdiff@/.test(step.uses)) {
      const results = runAction(stringValues(step.with, context, {}), context);
      const failed = results.find((result) => result.status !== 0);
      steps.push({ name, status: failed ? failed.status : 0, output: results.map((result) => result.output).join('') });
    } else if (step.run !== undefined) {
      steps.push({ name, ...runScript(interpolate(step.run, context, {}), stringValues(step.env, context, {}), context) });
    } else {
      throw new Error(`githubWorkflow: cannot run step ${name}`);
    }
    if (steps.at(-1)?.status !== 0) return { status: 'failure', steps };
  }
  return { status: 'success', steps };
}
