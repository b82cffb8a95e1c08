// What formatters and linters change in a line without changing the code: prettier's semicolons,
// trailing commas and parenthesised arrow parameters (https://prettier.io/docs/en/options.html),
// black's magic trailing comma, and pyflakes' unused `except … as e` name.

/** Only lines with one of these can differ by formatting alone: most lines skip the replaces. */
const MAY_BE_FORMATTED = /[;,]$|\) =>|,\s*[)\]}]|^except /;

/**
 * A normalised line as a formatter could have left it either way: without a
 * final `;` or `,`, a comma before a closing bracket, the parentheses around
 * a lone arrow parameter (`(d) =>` → `d =>`), or the name of a Python
 * exception the handler never reads (`except OSError as e:` → `except
 * OSError:`). paperless-ngx ran prettier and black over paperless-ng: `if
 * (!items) return [];` is its `if (!items) return []`, no guard removed.
 */
export const formatterNeutral = (text: string): string => (MAY_BE_FORMATTED.test(text) ? withinLine(text).replace(/[;,]$/, '') : text);

/**
 * formatterNeutral, but a final comma stays: it says the line is an element
 * or an argument, not a statement, which a line's shape (a rename) keeps
 * apart: terraform's `fmt.Fprintln(out, "digraph G {")`, which opentofu
 * removed, is no rename of an argument of that shape written with one.
 */
export const formatterNeutralStatement = (text: string): string => (MAY_BE_FORMATTED.test(text) ? withinLine(text).replace(/;$/, '') : text);

const withinLine = (text: string): string =>
  text.replace(/^except (.+?) as \w+:$/, 'except $1:').replace(/\((\w+)\) =>/g, '$1 =>').replace(/,\s*([)\]}])/g, '$1');
