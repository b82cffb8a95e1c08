import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { FileDiff } from '../../model.js';
import { readWholeFiles } from '../common/wholeFiles.js';
import type { ClassifyContext } from '../define.js';
import { isGitLabCi, jobsOfDocument } from './jobs.js';
import type { JobLines } from './jobs.js';

/** One side of a workflow file read whole (git mode): its lines, the `env:` values it sets, its jobs. */
export interface WorkflowSide {
  lines: string[];
  /** Workflow-level and job-level `env:` values (the first of a name wins), for `${{ env.X }}`. */
  env: Map<string, string>;
  /** Job names with the lines of their keys; null when the file does not parse. */
  jobs: JobLines | null;
}

export type WorkflowSides = { upstream: WorkflowSide; fork: WorkflowSide } | null;

// Two classifiers read the same workflow: each side is read and parsed once per file.
const read = new WeakMap<FileDiff, Promise<WorkflowSides>>();

/** Both sides whole, or null in diff-file mode or when a side cannot be read. */
export function readWorkflowSides(file: FileDiff, context: ClassifyContext): Promise<WorkflowSides> {
  let sides = read.get(file);
  if (!sides) {
    sides = readSides(file, context);
    read.set(file, sides);
  }
  return sides;
}

async function readSides(file: FileDiff, context: ClassifyContext): Promise<WorkflowSides> {
  const whole = await readWholeFiles(file, context);
  if (!whole) return null;
  const isGitLab = isGitLabCi(file.path);
  return { upstream: sideOf(whole.upstream, isGitLab), fork: sideOf(whole.fork, isGitLab) };
}

/** One parse per side serves the env values and the jobs. */
const sideOf = (text: string, isGitLab: boolean): WorkflowSide => {
  const document = parseDocument(text, { uniqueKeys: false });
  const isParsed = document.errors.length === 0;
  return { lines: text.split('\n'), env: isParsed ? envOf(document) : new Map(), jobs: isParsed ? jobsOfDocument(document, text, isGitLab) : null };
};

/** Every `env:` mapping (workflow, job, step), outermost first, as plain strings. */
function envOf(document: Document): Map<string, string> {
  const env = new Map<string, string>();
  const collect = (node: unknown): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (isScalar(pair.key) && isScalar(pair.value) && !env.has(String(pair.key.value))) env.set(String(pair.key.value), String(pair.value.value));
    }
  };
  // Breadth first, so a workflow-level value wins over a step's of the same name.
  const queue: unknown[] = [document.contents];
  for (let node = queue.shift(); node !== undefined; node = queue.shift()) {
    if (isMap(node)) {
      collect(node.get('env', true));
      for (const pair of node.items) queue.push(pair.value);
    } else if (isSeq(node)) {
      queue.push(...node.items);
    }
  }
  return env;
}
