/** Whitespace that `normaliseLine` would change: a run of two, or any but a plain space. */
const UNEVEN_SPACE = /\s\s|[^\S ]/;

/**
 * Trimmed, every whitespace run one space: the whitespace-insensitive form in
 * which analysers and the applied check compare lines, so re-indented or
 * re-aligned lines compare equal. Most lines need no replace: the test alone is cheaper
 * (a dense diff calls this millions of times).
 */
export const normaliseLine = (line: string): string => {
  const trimmed = line.trim();
  return UNEVEN_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
};
