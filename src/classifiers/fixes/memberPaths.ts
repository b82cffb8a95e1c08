// Member paths an API moved: the same field reached through another object on the way.

/** A member path of three or more names (`result.Network.Containers`, `srv->cfg->port`). */
const LONG_PATH = /\b([A-Za-z_]\w*)(?:(?:\.|->)[A-Za-z_]\w*)+(?:\.|->)([A-Za-z_]\w*)\b/g;

/**
 * A line with each member path of three or more names cut to its first and
 * last (`result.Network.Containers` → `result.Containers`), `->` read as
 * `.`: a fork line that is upstream's but for the middle of a path kept the
 * line, on an older API. gitea's act keeps `if len(result.Containers) == 0 {`
 * where nektos/act, moved to moby's client, has `if
 * len(result.Network.Containers) == 0 {`. The root and the field must be
 * the same, and everything else on the line, so a guard on another field or
 * object still reads as missing.
 */
export const withShortPaths = (line: string): string => {
  const text = line.includes('->') ? line.replaceAll('->', '.') : line;
  return text.includes('.') ? text.replace(LONG_PATH, '$1.$2') : text;
};
