import type { DigestRow } from './upstreamDigest.js';
import { fewPaths } from './syncView.js';
import { type TableView, minus, plus } from './view.js';

/** Upstream-only hunks by commit: what the fork lacks, in a row per change instead of its full diff. */
export function digestView(rows: readonly DigestRow[]): TableView {
  return {
    columns: [
      { header: 'Commit' }, { header: 'Subject', isFlexible: true, minWidth: 24 }, { header: 'Files', isFlexible: true },
      { header: 'Hunks', align: 'right' }, { header: '+', align: 'right' }, { header: '−', align: 'right' },
    ],
    rows: rows.map((row) => [
      row.commit?.id ?? '—',
      subjectOf(row.commit),
      fewPaths(row.files),
      row.sharedHunks > 0 ? `${row.hunks} (${row.sharedHunks} shared)` : String(row.hunks),
      plus(row.additions), minus(row.deletions),
    ]),
  };
}

/** The subject, with the CVE/GHSA ids a security fix names (fix subjects already say they are fixes). */
const subjectOf = (commit: DigestRow['commit']): string => {
  if (commit === null) return '(no upstream commit found)';
  const subject = commit.subject ?? '(subject unknown)';
  // `Security update December 2025` says `security` already; a CVE id is said as written.
  const unsaid = commit.security.filter((id) => !subject.toLowerCase().includes(id.toLowerCase()));
  return `${subject}${unsaid.length > 0 ? ` (security: ${unsaid.join(', ')})` : ''}`;
};

/** Said under the table when a hunk counts under several commits, so the +/− columns are not added up. */
export const SHARED_NOTE = 'A hunk several commits explain (shared) counts under each of them.';
