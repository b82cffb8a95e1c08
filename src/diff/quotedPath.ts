import { decodeUtf8Visible } from '../text/decodeUtf8.js';

/**
 * Git quotes a path containing special characters as a C string: `"a/tab\there"`,
 * with `\\`, `\"`, `\a\b\f\n\r\t\v` and octal escapes for each UTF-8 byte
 * (`\303\251` is `é`). See `core.quotePath` in git-config(1).
 */
const SIMPLE_ESCAPES: Record<string, number> = {
  a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34,
};

export const isQuoted = (text: string): boolean => text.startsWith('"');

/** Decodes one quoted path starting at `text[0] === '"'`; returns it and the rest of the text. */
export function readQuotedPath(text: string): { path: string; rest: string } | null {
  const bytes: number[] = [];
  let index = 1;
  while (index < text.length) {
    const char = text[index] as string;
    if (char === '"') {
      // Octal escapes may spell bytes that are not UTF-8: keep them distinct and visible.
      return { path: decodeUtf8Visible(Buffer.from(bytes)), rest: text.slice(index + 1) };
    }
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      index += 1;
      continue;
    }
    const next = text[index + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(text.slice(index + 1, index + 4));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      index += 4;
    } else if (next in SIMPLE_ESCAPES) {
      bytes.push(SIMPLE_ESCAPES[next] as number);
      index += 2;
    } else {
      bytes.push(92);
      index += 1;
    }
  }
  return null; // unterminated quote
}

/** A path as it appears after `--- `, `rename from ` etc.: quoted or plain (plain paths end at a tab). */
export function decodePathField(field: string): string {
  if (isQuoted(field)) return readQuotedPath(field)?.path ?? field;
  const tab = field.indexOf('\t'); // some diff tools append a timestamp after a tab
  return tab === -1 ? field : field.slice(0, tab);
}
