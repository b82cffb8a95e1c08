// Where a line sits in upstream's code: inside a branch (`if`, `else`, `case`, `except`) or not,
// read from indentation, which every language here keeps (https://peps.python.org/pep-0008/, gofmt, prettier).
import type { Hunk } from '../../model.js';
import { normaliseLine } from '../../text/normaliseLine.js';
import { sideView } from '../common/lines.js';
import { isBlankOrComment } from './evidence.js';

/** Opens a branch: `if …`, `} else {`, `elif …:`, `case …:`, `default:`, `except …:`, `catch (…) {`. */
const OPENS_BRANCH = /^(?:\}\s*)?(?:if|elif|else|unless|case|default|except|catch|when)\b/;

/** Leading whitespace's width, a tab as four columns. */
const indentWidth = (line: string): number => {
  let width = 0;
  for (const char of line) {
    if (char === ' ') width += 1;
    else if (char === '\t') width += 4;
    else break;
  }
  return width;
};

/**
 * Whether an upstream line of the hunk sits inside a branch: the nearest line
 * above it that is indented less (blank lines and comments aside) opens one.
 * A `return` there is an early exit (`if msg == nil {` … `return ctx.Err()`),
 * while `return data;` ending a callback or `return &srcPol, nil` ending a
 * function is how that function ends. Unknown (false) when the hunk does not
 * show the enclosing line.
 */
export function branchLines(hunk: Hunk): (upstreamLine: number) => boolean {
  let inBranch: Set<number> | null = null;
  return (upstreamLine) => {
    if (inBranch === null) {
      inBranch = new Set();
      const enclosing: { indent: number; isBranch: boolean }[] = [];
      for (const { content, line } of sideView(hunk, 'upstream')) {
        const text = normaliseLine(content);
        if (isBlankOrComment(text)) continue;
        const indent = indentWidth(content);
        while ((enclosing.at(-1)?.indent ?? -1) >= indent) enclosing.pop();
        if (enclosing.at(-1)?.isBranch === true) inBranch.add(line);
        enclosing.push({ indent, isBranch: OPENS_BRANCH.test(text) });
      }
    }
    return inBranch.has(upstreamLine);
  };
}
