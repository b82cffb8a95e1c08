// The workflow category's rows for whole jobs and files: one side has them, the other lacks them, or the fork renamed them.
import type { FileDiff, OneSideRename, Side } from '../../model.js';
import { changedLines } from '../common/lines.js';
import { soleTipOf } from '../common/location.js';
import { describePresence } from '../common/wording.js';
import type { Emit } from './emit.js';
import { jobChanges } from './jobChanges.js';
import type { WorkflowSides } from './wholeWorkflow.js';

/** A composite action's definition (`.github/actions/setup-go/action.yml`), which jobs use, not a workflow that runs. */
const isActionPath = (path: string): boolean => /(?:^|\/)action\.ya?ml$/.test(path);

/** Jobs one tip has and the other lacks; a file only one side has is one finding, with its jobs. */
export async function jobFindings(file: FileDiff, sides: WorkflowSides, emit: Emit, translate: (text: string) => string): Promise<void> {
  const changes = jobChanges(file, sides, translate);
  const presentIn = soleTipOf(file);
  if (presentIn !== null) {
    // One side renamed the file and git did not pair the two names across the tips: one row, on the name that side gave it.
    if (file.rename !== null && file.rename.from === file.path) return;
    const jobs = [...changes.jobs[presentIn].keys()];
    const lines = file.hunks.flatMap(changedLines).map((line) => line.line);
    const named = jobs.length > 0 ? ` (jobs ${jobs.join(', ')})` : '';
    const what = isActionPath(file.path) ? 'action' : 'workflow';
    const { rename } = file;
    if (rename !== null) {
      emit('workflow-renamed', presentIn === 'fork' ? { fork: lines } : { upstream: lines }, () => describeFileRename(`${what} ${rename.from} to ${rename.to}${named}`, rename),
        [rename.from, rename.to], { jobs, from: rename.from });
      return;
    }
    emit(presentIn === 'fork' ? 'workflow-added' : 'workflow-removed', presentIn === 'fork' ? { fork: lines } : { upstream: lines },
      (side) => describePresence({ thing: `${what} ${file.path}${named}`, presentIn, side }), [file.path], { jobs });
    return;
  }
  for (const job of changes.removed) {
    emit(job.commentedLine !== null ? 'job-commented-out' : 'job-removed', { upstream: [job.line], fork: [job.commentedLine] },
      (side) => describePresence({ thing: `job "${job.name}"`, presentIn: 'upstream', side, isCommentedOut: job.commentedLine !== null }),
      [job.name], { job: job.name, commentedOut: job.commentedLine !== null });
  }
  for (const job of changes.added) {
    emit('job-added', { fork: [job.line] }, (side) => describePresence({ thing: `job "${job.name}"`, presentIn: 'fork', side }), [job.name], { job: job.name });
  }
  // A check a branch protection rule requires goes by its job's name: a rename is drift of its own.
  for (const { from, to } of changes.renamed) {
    emit('job-renamed', { upstream: [from.line], fork: [to.line] }, (side) => describeRename(`job "${from.name}"`, `"${to.name}"`, side),
      [from.name, to.name], { job: to.name, upstreamJob: from.name });
  }
}

/** `fork renamed workflow a.yml to b.yml (jobs x), which upstream changed since`: said by the rename, which knows who moved. */
function describeFileRename(thing: string, { side, otherSide }: OneSideRename): string {
  const [who, other] = side === 'fork' ? ['fork', 'upstream'] : ['upstream', 'the fork'];
  const since = otherSide === 'changed' ? `, which ${other} changed since` : otherSide === 'deleted' ? `; ${other} deleted it` : '';
  return `${who} renamed ${thing}${since}`;
}

/** A thing the fork renamed with its product: `fork renamed job "a" to "b"`, said by the side that moved. */
const describeRename = (thing: string, to: string, side: Side): string =>
  side === 'upstream' ? `upstream has ${thing} where the fork has ${to}`
  : side === 'both' ? `fork renamed ${thing} to ${to}, which upstream changed since`
  : side === 'fork' ? `fork renamed ${thing} to ${to}`
  : `${thing} renamed to ${to}`;
