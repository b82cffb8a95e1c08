import type { Finding } from '../model.js';

/** The line to point at in the fork's file: only a line that counts in the fork's file. */
export const forkLine = (finding: Finding): number | null => (finding.line !== null && finding.lineIn === 'fork' ? finding.line : null);

/**
 * For a finding read from upstream-only lines, where they are, said in words:
 * the line number counts in upstream's file, and pointing at that number in
 * the fork's file would show an unrelated line.
 */
export const upstreamLineNote = (finding: Finding): string | null =>
  finding.line !== null && finding.lineIn === 'upstream' ? `(at line ${finding.line} of upstream's ${finding.path})` : null;

/** Findings about a whole file (one side has it, the other not): their line is the file's first, which says nothing. */
const WHOLE_FILE_KINDS: ReadonlySet<string> = new Set(['test-file-deleted', 'workflow-added', 'workflow-removed', 'workflow-renamed']);

/**
 * Where a finding is, for a report's Path column: `path:line`, and
 * `(upstream)` after a line that counts in upstream's file. Two findings of
 * one file with the same message (one fix in two hunks) read apart.
 */
export const findingWhere = (finding: Finding): string =>
  finding.line === null || WHOLE_FILE_KINDS.has(finding.kind)
    ? finding.path
    : `${finding.path}:${finding.line}${finding.lineIn === 'upstream' ? ' (upstream)' : ''}`;
