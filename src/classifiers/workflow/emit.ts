// What the workflow classifier's readers report through: its finding kinds and the callback that words and places them.
import type { LineSide, Side } from '../../model.js';
import type { LineRefs } from '../common/location.js';

/** Finding kinds of the workflow category. */
export type WorkflowFindingKind =
  | 'job-added' | 'job-removed' | 'job-renamed' | 'job-commented-out' | 'matrix-entry-removed' | 'workflow-added' | 'workflow-removed' | 'workflow-renamed'
  | 'secret-referenced' | 'registry-changed' | 'image-changed' | 'download-source-changed' | 'action-version-changed' | 'tool-version-changed';

/**
 * Adds a finding read from `refs`, worded once its side is known.
 * `lackedSince`: the merge base had it and this tip lacks it, so the other
 * tip's own line of it is that tip's change since, not its addition.
 */
export type Emit = (
  kind: WorkflowFindingKind, refs: LineRefs, describe: (side: Side) => string, identity: (string | null)[], details: Record<string, unknown>, lackedSince?: LineSide,
) => void;
