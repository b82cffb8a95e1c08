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
      row.commits.length === 0 ? '—' : row.commits.map((commit) => commit.id).join(' '),
      row.commits.length === 0 ? '(no upstream commit found)' : row.commits.map(subjectOf).join('; '),
      fewPaths(row.files),
      String(row.hunks), plus(row.additions), minus(row.deletions),
    ]),
  };
}

/** The subject, with the CVE/GHSA ids a security fix names (fix subjects already say so). */
const subjectOf = (commit: DigestRow['commits'][number]): string =>
  `${commit.subject ?? '(subject unknown)'}${commit.security.length > 0 ? ` (security: ${commit.security.join(', ')})` : ''}`;
