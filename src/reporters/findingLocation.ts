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
