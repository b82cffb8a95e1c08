/**
 * Text from a diff is untrusted. Control characters (ESC sequences could
 * recolour or rewrite the terminal, move the cursor, set the window title),
 * C1 controls and bidirectional overrides (which can make text read
 * differently from what it is) are shown as visible escapes instead.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (char: string): string => {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** One line of untrusted text, safe to print: controls escaped, tabs as spaces, newlines as `⏎`. */
export function sanitizeText(text: string): string {
  return text.replace(/\t/g, '  ').replace(/\n/g, '⏎').replace(UNSAFE, escapeChar);
}
