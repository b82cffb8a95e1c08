// A call the fork gave one more argument is still the call: upstream's line
// with nothing taken away (reverted-fixes, evidence.ts).

/** The depth of `opens` over `closes` where `text` ends, and the lowest it went. */
const depthOf = (text: string, opens: string, closes: string): { end: number; lowest: number } => {
  let end = 0;
  let lowest = 0;
  for (const char of text) {
    if (opens.includes(char)) end += 1;
    else if (closes.includes(char)) lowest = Math.min(lowest, (end -= 1));
  }
  return { end, lowest };
};

/** Whether `text` has its parentheses and brackets balanced: an argument, not a piece of one. */
const isBalanced = (text: string): boolean => {
  const { end, lowest } = depthOf(text, '([{', ')]}');
  return end === 0 && lowest === 0;
};

/** Whether the text ends inside an open parenthesis: an argument list, not a `return a, b` that goes on with more values. */
const isWithinCall = (before: string): boolean => depthOf(before, '(', ')').end > 0;

/**
 * Whether some fork line is `text` with arguments inserted and nothing else
 * changed (etcd's OpenShift fork: `if cl, err = membership.NewClusterFromURLsMap(cfg.Logger, token, urlsmap); err != nil {`
 * with `, membership.WithMaxLearners(cfg.ExperimentalMaxLearners)` after
 * `urlsmap`; KeyDB's `zmalloc(sizeof(*list))` with `, MALLOC_SHARED`): the
 * line keeps every character of upstream's, in order, around one inserted
 * run that starts or ends with a comma, is balanced, and sits inside a
 * call's parentheses (`return nil` → `return nil, err` returns something
 * else). The guard on such a line is still there.
 */
export const isCallWithAddedArguments = (text: string, forkLines: readonly string[]): boolean =>
  forkLines.some((line) => {
    if (line.length <= text.length) return false;
    let prefix = 0;
    while (prefix < text.length && text[prefix] === line[prefix]) prefix += 1;
    let suffix = 0;
    while (suffix < text.length - prefix && text[text.length - 1 - suffix] === line[line.length - 1 - suffix]) suffix += 1;
    if (prefix + suffix < text.length) return false;
    const inserted = line.slice(prefix, line.length - suffix).trim();
    return (inserted.startsWith(',') || inserted.endsWith(',')) && inserted.length > 1 && isBalanced(inserted) && isWithinCall(line.slice(0, prefix));
  });

