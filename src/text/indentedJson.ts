/**
 * `JSON.stringify(value, null, 2)` with every line after the first indented
 * as a value at `depth` is: stringified inside `depth` arrays, whose
 * brackets are then cut off (as the same text every time). The same as
 * stringifying then indenting every line, without the second copy: a
 * huge fork's report is mostly such values.
 */
export const indentedJson = (value: unknown, depth: number): string => {
  let wrapped: unknown = value;
  for (let level = 0; level < depth; level += 1) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2) ?? 'null'; // undefined at depth 0, as jsonChunks writes it
  let opening = 0;
  for (let level = 0; level < depth; level += 1) opening += 2 + 2 * (level + 1); // `[`, newline, the next level's indent
  let closing = 0;
  for (let level = 0; level < depth; level += 1) closing += 2 + 2 * level; // newline, this level's indent, `]`
  return text.slice(opening, text.length - closing);
};

