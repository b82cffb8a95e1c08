// Python docstrings and other triple-quoted prose: lines no fix can be missing from
// (https://peps.python.org/pep-0257/). nextcord's report read discord.py's
// docstrings (":class:`str`] Where the user is playing from…") as missing fixes.

/** A string prefix (`r`, `b`, `f`, `u`, `rb`, …) and a triple quote, where a line's text starts. */
const OPENS_TRIPLE = /^[rRbBuUfF]{0,2}(?:"""|''')/;

/**
 * 1-based numbers of the lines of Python source whose text starts inside a
 * triple-quoted string, or with one: prose, not code. A line that starts
 * with code (`query = """SELECT …`) is code. Comments and one-line strings
 * are skipped so that quotes in them do not count.
 */
export function proseLines(text: string): Set<number> {
  const prose = new Set<number>();
  let line = 1;
  let isLineStart = true;
  let triple: string | null = null;
  let single: string | null = null;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] as string;
    if (char === '\n') {
      line += 1;
      isLineStart = true;
      single = null; // a one-line string ends with its line, terminated or not
      continue;
    }
    if (isLineStart) {
      if (char === ' ' || char === '\t' || char === '\r') continue;
      isLineStart = false;
      if (triple !== null || OPENS_TRIPLE.test(text.slice(index, index + 5))) prose.add(line);
    }
    if (triple !== null || single !== null) {
      // An escape skips the next character, never the line's end.
      if (char === '\\' && text[index + 1] !== '\n') index += 1;
      else if (triple !== null && text.startsWith(triple, index)) {
        index += 2;
        triple = null;
      } else if (char === single) single = null;
      continue;
    }
    if (char === '#') {
      const end = text.indexOf('\n', index);
      if (end === -1) break;
      index = end - 1;
    } else if (char === '"' || char === "'") {
      if (text.startsWith(char.repeat(3), index)) {
        triple = char.repeat(3);
        index += 2;
      } else single = char;
    }
  }
  return prose;
}
