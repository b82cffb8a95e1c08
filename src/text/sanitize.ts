/**
 * Text from a diff is untrusted. Control characters (an ESC sequence could
 * recolour or rewrite the terminal, move the cursor, set the window title),
 * C1 controls and bidirectional overrides (which make text read differently
 * from what it is) are shown as visible escapes instead.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const visible = (char: string): string => {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** One printable line: newlines, CRs and tabs as `\n`, `\r`, `\t`, other controls `\xNN`. */
export function toSingleLine(text: string): string {
  return text
    .replace(UNSAFE, visible)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
}

/** A line of code to show as it is (tabs kept), with every other control escaped. */
export function sanitizeCodeLine(text: string): string {
  return text.replace(UNSAFE, visible).replace(/[\n\r]/g, visible);
}
