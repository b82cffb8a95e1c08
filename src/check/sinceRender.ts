import type { Finding } from '../model.js';
import { escapeMarkdown } from '../text/markdown.js';
import { findingTextLine } from './findingLine.js';
import type { SinceComparison } from './since.js';

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
export function renderSinceMarkdown(comparison: SinceComparison, level = 2): string {
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
  ];
  return `${lines.join('\n')}\n`;
}

const textLine = (finding: Finding): string => `  ${findingTextLine(finding)}`;

/** The `--since` section as plain text for the terminal. */
export function renderSinceText(comparison: SinceComparison): string {
  const lines = [
    `${NEW_TITLE}: ${comparison.newFindings.length}`,
    ...comparison.newFindings.map(textLine),
    `${RESOLVED_TITLE}: ${comparison.resolvedFindings.length}`,
    ...comparison.resolvedFindings.map(textLine),
    `Unchanged: ${comparison.unchanged}`,
  ];
  return `${lines.join('\n')}\n`;
}
