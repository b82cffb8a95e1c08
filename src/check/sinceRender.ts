import type { Finding } from '../model.js';
import { escapeMarkdown } from '../text/markdown.js';
import { findingTextLine } from './findingLine.js';
import type { SinceComparison } from './since.js';
import type { SyncChange } from './sinceSync.js';
import { toSingleLine } from '../text/sanitize.js';

/** What the `--since` sections list: findings, and how the sync plan moved (the headline says the commit counts). */
type SinceFindings = Pick<SinceComparison, 'newFindings' | 'resolvedFindings' | 'unchanged'> & { sync?: SyncChange | null };

const NEW_TITLE = 'New since last report';
const RESOLVED_TITLE = 'Resolved since last report';

function markdownTable(findings: readonly Finding[]): string[] {
  if (findings.length === 0) return ['_None._'];
  const rows = findings.map(
    (finding) =>
      `| ${escapeMarkdown(finding.category)} | ${escapeMarkdown(finding.path)} | ${escapeMarkdown(finding.message)} | ${escapeMarkdown(finding.fingerprint)} |`,
  );
  return ['| Category | Path | Finding | Fingerprint |', '| --- | --- | --- | --- |', ...rows];
}

/** The `--since` section as GitHub-flavoured markdown; `level` is the heading depth. */
export function renderSinceMarkdown(comparison: SinceFindings, level = 2): string {
  const hashes = '#'.repeat(level);
  const lines = [
    `${hashes} ${NEW_TITLE} (${comparison.newFindings.length})`,
    '',
    ...markdownTable(comparison.newFindings),
    '',
    `${hashes} ${RESOLVED_TITLE} (${comparison.resolvedFindings.length})`,
    '',
    ...markdownTable(comparison.resolvedFindings),
    '',
    `${comparison.unchanged} unchanged.`,
    ...syncMarkdown(comparison.sync ?? null, hashes),
  ];
  return `${lines.join('\n')}\n`;
}

/** Newly conflicting and newly clean picks, and merge conflicts that came or went. */
function syncLines(change: SyncChange | null): string[] {
  if (change === null) return [];
  const picks = (title: string, list: readonly { sha: string; subject: string; conflicts: string[] }[]): string[] =>
    list.length === 0 ? [] : [`${title} (${list.length}):`, ...list.map((pick) => `  ${pick.sha.slice(0, 12)} ${toSingleLine(pick.subject)}${pick.conflicts.length > 0 ? ` (${pick.conflicts.map(toSingleLine).join(', ')})` : ''}`)];
  const paths = (title: string, list: readonly string[]): string[] => (list.length === 0 ? [] : [`${title}: ${list.map(toSingleLine).join(', ')}`]);
  const lines = [
    ...picks('Picks that now conflict', change.newlyConflicting),
    ...picks('Picks that now apply cleanly', change.newlyClean),
    ...paths('Merge now also conflicts in', change.mergeNewConflicts),
    ...paths('Merge no longer conflicts in', change.mergeResolved),
  ];
  return lines.length > 0 ? lines : ['Sync plan: no pick or merge conflict changed.'];
}

function syncMarkdown(change: SyncChange | null, hashes: string): string[] {
  if (change === null) return [];
  return ['', `${hashes} Sync plan since last report`, '', ...syncLines(change).map((line) => (line.startsWith('  ') ? `- ${escapeMarkdown(line.trim())}` : escapeMarkdown(line)))];
}

const textLine = (finding: Finding): string => `  ${findingTextLine(finding)}`;

/** The `--since` section as plain text for the terminal. */
export function renderSinceText(comparison: SinceFindings): string {
  const lines = [
    `${NEW_TITLE}: ${comparison.newFindings.length}`,
    ...comparison.newFindings.map(textLine),
    `${RESOLVED_TITLE}: ${comparison.resolvedFindings.length}`,
    ...comparison.resolvedFindings.map(textLine),
    `Unchanged: ${comparison.unchanged}`,
    ...syncLines(comparison.sync ?? null),
  ];
  return `${lines.join('\n')}\n`;
}
