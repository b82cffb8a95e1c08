import { toSingleLine } from './singleLine.js';

const MARKDOWN_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '|': '\\|',
  '`': '\\`',
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
};

/**
 * Untrusted text (paths, messages from the diff) as inline markdown that can
 * neither break a table row (`|`, newlines) nor open code spans or HTML such
 * as a stray `</details>`. Newlines become spaces; other control characters
 * become visible escapes.
 */
export function escapeMarkdown(text: string): string {
  const oneLine = toSingleLine(text.replace(/\r\n|\r|\n/g, ' '));
  return oneLine.replace(/[\\|`<>&]/g, (char) => MARKDOWN_ESCAPES[char] ?? char);
}
