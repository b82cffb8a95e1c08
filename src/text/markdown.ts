import { sanitizeCodeLine, toSingleLine } from './sanitize.js';

/**
 * Untrusted text (paths, messages from the diff) as inline markdown: it can
 * neither end a table cell (`|`, newlines), nor open code spans, emphasis or
 * links, nor inject HTML such as a stray `</details>`.
 */
export function escapeMarkdown(text: string): string {
  // Line breaks are shown as `\n`, `\r`, never turned into spaces: a CR in a path is drift to see.
  return toSingleLine(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!])/g, '\\$1');
}

/** A fenced code block that no line inside can close early: the fence is longer than any backtick run. */
export function codeBlock(language: string, lines: readonly string[]): string {
  const safeLines = lines.map(sanitizeCodeLine);
  // A loop, not Math.max(...runs): a line of 200,000 backtick runs would overflow the call's arguments.
  let longestRun = 2;
  for (const line of safeLines) {
    for (const run of line.match(/`+/g) ?? []) longestRun = Math.max(longestRun, run.length);
  }
  const fence = '`'.repeat(longestRun + 1);
  return [`${fence}${language}`, ...safeLines, fence].join('\n');
}
