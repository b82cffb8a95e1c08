import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { FileDiff } from '../../model.js';
import { readWholeFiles } from '../common/wholeFiles.js';
import type { ClassifyContext } from '../define.js';

/** One side of a workflow file read whole (git mode): its lines and the `env:` values it sets. */
export interface WorkflowSide {
  lines: string[];
  /** Workflow-level and job-level `env:` values (the first of a name wins), for `${{ env.X }}`. */
  env: Map<string, string>;
}

/** Both sides whole, or null in diff-file mode or when a side cannot be read. */
export async function readWorkflowSides(file: FileDiff, context: ClassifyContext): Promise<{ upstream: WorkflowSide; fork: WorkflowSide } | null> {
  const whole = await readWholeFiles(file, context);
  if (!whole) return null;
  return { upstream: sideOf(whole.upstream), fork: sideOf(whole.fork) };
}

const sideOf = (text: string): WorkflowSide => ({ lines: text.split('\n'), env: envOf(text) });

/** Every `env:` mapping (workflow, job, step), outermost first, as plain strings; a file that does not parse has none. */
function envOf(text: string): Map<string, string> {
  const env = new Map<string, string>();
  const document = parseDocument(text, { uniqueKeys: false });
  if (document.errors.length > 0) return env;
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
