import type { CheckResult } from './check.js';
import { findingTextLine } from './findingLine.js';
import { toSingleLine } from '../text/sanitize.js';
import { plural } from '../text/plural.js';

/**
 * The `--check` verdict as plain text: a summary line, exactly the unexpected
 * findings (grouped by ref when several refs were checked), then warnings.
 */
export function formatCheckText(result: CheckResult): string {
  const lines: string[] = [];
  const expected = `${result.expectedByRule} expected by rules, ${result.expectedByBaseline} by baseline`;
  const verdict =
    result.unexpected.length === 0
      ? `forkdiff check: no unexpected drift (${expected})`
      : `forkdiff check: ${plural(result.unexpected.length, 'unexpected finding')} (${expected})`;
  lines.push(verdict);

  const refs = new Set(result.unexpected.map((finding) => finding.ref));
  const isGroupedByRef = refs.size > 1;
  let currentRef: string | null | undefined;
  for (const finding of result.unexpected) {
    if (isGroupedByRef && finding.ref !== currentRef) {
      currentRef = finding.ref;
      lines.push(`${toSingleLine(finding.ref ?? '(unknown ref)')}:`);
    }
    lines.push(`${isGroupedByRef ? '  ' : ''}${findingTextLine(finding)}`);
  }
  if (result.unexpected.length > 0) {
    lines.push('to accept them: add an expect rule with a reason to .forkdiff.yml, or run forkdiff baseline');
  }
  for (const warning of result.warnings) lines.push(`warning: ${toSingleLine(warning)}`);
  return `${lines.join('\n')}\n`;
}
