import { sanitizeText } from '../sanitize.js';

/**
 * Untrusted text inside a markdown table cell or heading: it cannot end the
 * cell (`|`), open code spans, emphasis or links, or inject HTML such as
 * `</details>`.
 */
export function escapeMarkdown(text: string): string {
  return sanitizeText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!])/g, '\\$1');
}

/** Untrusted text shown as inline code: the fence is longer than any backtick run inside. */
export function inlineCode(text: string): string {
  const safe = sanitizeText(text).replace(/\|/g, '\u2502'); // a `|` would end the table cell even inside code
  const longestRun = Math.max(0, ...(safe.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = safe.startsWith('`') || safe.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${safe}${pad}${fence}`;
}

/** A fenced code block that no line of `lines` can close early. */
export function codeBlock(language: string, lines: readonly string[]): string {
  const safeLines = lines.map((line) => sanitizeText(line));
  const longestRun = Math.max(2, ...safeLines.flatMap((line) => (line.match(/`+/g) ?? []).map((run) => run.length)));
  const fence = '`'.repeat(longestRun + 1);
  return [`${fence}${language}`, ...safeLines, fence].join('\n');
}
