/**
 * Text from the diff is untrusted: make it one printable line so it can never
 * move the cursor, recolour the terminal or start a fake line of output.
 * Newlines and tabs become visible escapes; other control characters `\xNN`.
 */
export function toSingleLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}
