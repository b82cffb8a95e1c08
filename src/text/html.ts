import { sanitizeCodeLine, toSingleLine } from './sanitize.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Untrusted text (paths, messages, diff lines) as HTML text or a quoted
 * attribute value: no tag, attribute or entity can be formed from it, and
 * control characters and bidirectional overrides show as visible escapes,
 * as in the other formats.
 */
export const escapeHtml = (text: string): string => toSingleLine(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

/** A line of code for `<pre>` text (never an attribute): tabs kept; `&`, `<` and `>` are all text needs escaped. */
export const escapeHtmlCode = (text: string): string => sanitizeCodeLine(text).replace(/[&<>]/g, (char) => ENTITIES[char] ?? char);
