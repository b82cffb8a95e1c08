import type { CheckResult } from './check.js';
import { escapeMarkdown } from '../text/markdown.js';
import { plural } from '../text/plural.js';

/** The `--check` verdict as markdown, for the GitHub job summary. */
export function formatCheckMarkdown(result: CheckResult): string {
  const expected = `${result.expectedByRule} expected by rules, ${result.expectedByBaseline} by baseline`;
  const isClean = result.unexpected.length === 0;
  const lines = [
    '## forkdiff check',
    '',
    isClean
      ? `No unexpected drift (${expected}).`
      : `**${plural(result.unexpected.length, 'unexpected finding')}** (${expected}). Add an \`expect\` rule with a reason to \`.forkdiff.yml\`, or run \`forkdiff baseline\` to accept them.`,
  ];
  if (!isClean) {
    lines.push('', '| Ref | Category | Path | Finding | Fingerprint |', '| --- | --- | --- | --- | --- |');
    for (const finding of result.unexpected) {
      const cells = [finding.ref ?? '', finding.category, finding.path, finding.message, finding.fingerprint];
      lines.push(`| ${cells.map(escapeMarkdown).join(' | ')} |`);
    }
  }
  if (result.warnings.length > 0) {
    lines.push('', '### Warnings', '', ...result.warnings.map((warning) => `- ${escapeMarkdown(warning)}`));
  }
  return `${lines.join('\n')}\n`;
}
