/**
 * Text from a diff is untrusted. What it must never do once printed:
 *
 * - drive the terminal: C0/C1 controls and DEL (an ESC sequence can recolour,
 *   rewrite or retitle the terminal);
 * - hide or disguise itself: format characters (zero-width space, joiners,
 *   word joiner, BOM, soft hyphen, bidi marks, embeddings, overrides and
 *   isolates, tag characters), line and paragraph separators (U+2028/9 end a
 *   line in some viewers and none in others), and the Hangul fillers that
 *   render as blanks: `src/ma\u200bin.go` must not read as `src/main.go`;
 * - command the CI runner: GitHub Actions reads any output line that starts
 *   with `::` after leading whitespace as a workflow command (`::stop-commands::`
 *   silences every later annotation), and `##[` anywhere in a line as a
 *   legacy one.
 *
 * Each is shown as a visible escape instead (`\x1b`, `\u200b`, `\x3a`).
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/gu;

const visible = (char: string): string => {
  const code = char.codePointAt(0) ?? 0;
  if (code <= 0xff) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
};

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * No workflow command can start or hide in the text: a leading `::` (after
 * whitespace, which the runner trims) and every `##[` lose their first
 * character to a visible escape. Only the runner's syntax changes; a reader
 * still sees what was there.
 */
export const defuseWorkflowCommands = (text: string): string =>
  text.replace(/^(\s*)::/, '$1\\x3a:').replace(/##\[/g, '##\\x5b');

/**
 * The same for JSON text: pretty-printed JSON never starts a line with `::`
 * (every line is indented or structural), but a legacy `##[` may sit in a
 * string. `#` occurs nowhere else in JSON, so `##\u005b` is the same value
 * with nothing for the runner to read. Give it whole strings, never a cut one.
 */
export const defuseJsonCommands = (json: string): string => (json.includes('##[') ? json.replace(/##\[/g, '##\\u005b') : json);

/** Newlines, CRs and tabs as `\n`, `\r`, `\t`, everything else unsafe as `\xNN` / `\uNNNN`. */
export const showUnsafe = (text: string): string => text.replace(UNSAFE, (char) => NAMED[char] ?? visible(char));

/** One printable line that no runner reads as a command. */
export function toSingleLine(text: string): string {
  return defuseWorkflowCommands(showUnsafe(text));
}

/** A line of code to show as it is (tabs kept), with every other unsafe character escaped. */
export function sanitizeCodeLine(text: string): string {
  return defuseWorkflowCommands(text.replace(UNSAFE, (char) => (char === '\t' ? char : (NAMED[char] ?? visible(char)))));
}
