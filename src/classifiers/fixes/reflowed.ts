// Lines a formatter re-flowed: the same tokens, broken across lines differently
// (prettier, black and gofmt rewrap when the width or the code around changes).

/** Shorter pieces (`return nil`, `} else {`) occur in too much code to say they survived. */
const MIN_REFLOW_CHARS = 8;

/**
 * Past this many characters of fork lines a hunk is a rewrite or generated
 * code, and finding each `-` line in them costs time quadratic in its size
 * (a 20,000-line hunk: 0.4 s): none is read as re-flowed.
 */
export const MAX_STREAM_CHARS = 200_000;

/** A normalised line (normaliseLine: one space between words) without its spaces. */
export const squeeze = (text: string): string => text.replaceAll(' ', '');

/**
 * Which `-` lines of a hunk the fork still has inside its `+` lines,
 * re-flowed. Both come normalised (normaliseLine): `removed` is the hunk's
 * lines in order, each `-` line's text and null for the others, and the
 * answer is their indexes; `forkOnly` the hunk's `+` lines. Upstream's
 * three-line `{changeCount === 0 || isYaml` / `? "Save changes"` / `: …}` that the fork
 * joined into one line is still `changeCount === 0 || isYaml` there (the
 * strings it translated are not). Whitespace aside, the line's text occurs
 * in the fork's lines read as one stream, and at each end either a fork line
 * ends too or the stream goes on as upstream's neighbouring `-` line does
 * (its first or last character): `return nil` is not in `return nil, err`
 * when upstream's next line is `}`. A piece that follows a kept piece
 * directly in the stream is kept whatever comes after it.
 */
export function reflowedLines(removed: readonly (string | null)[], forkOnly: readonly string[]): Set<number> {
  const found = new Set<number>();
  if (forkOnly.length === 0) return found;
  const starts = new Set<number>();
  const ends = new Set<number>();
  let stream = '';
  for (const line of forkOnly) {
    starts.add(stream.length);
    stream += squeeze(line);
    ends.add(stream.length);
    if (stream.length > MAX_STREAM_CHARS) return found;
  }
  const squeezed = removed.map((text) => (text === null ? null : squeeze(text)));
  // Where the stream goes on after the `-` line just before, when that one was kept: the next piece of the same statement.
  let keptUpTo = -1;
  squeezed.forEach((text, index) => {
    const end = text === null || text.length < MIN_REFLOW_CHARS || !/\w/.test(text) ? -1 : keptEnd(text, index);
    if (end >= 0) found.add(index);
    keptUpTo = end;
  });
  function keptEnd(text: string, index: number): number {
    const before = squeezed[index - 1]?.at(-1);
    const after = squeezed[index + 1]?.at(0);
    for (let at = stream.indexOf(text); at >= 0; at = stream.indexOf(text, at + 1)) {
      const end = at + text.length;
      const isStartKept = starts.has(at) || (before !== undefined && stream[at - 1] === before);
      const isEndKept = ends.has(end) || (after !== undefined && stream[end] === after);
      // Right after a kept piece, the fork may go on its own way: `formik={formik}` kept, then `/>` for upstream's next attribute.
      if ((isStartKept && isEndKept) || at === keptUpTo) return end;
    }
    return -1;
  }
  return found;
}
