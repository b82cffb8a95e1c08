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

/**
 * A line's shape (shapes.ts) with each member path read as one name
 * (`x.x.x` → `x`): in a hunk where the fork has another line of upstream's
 * but for a path's middle (an API migration: opentofu's
 * `opts.StateArgs.StatePath` for terraform's `opts.StatePath`), the other
 * lines moved the same way, their fields renamed too
 * (`opts.StateArgs.BackupPath` for `opts.StateBackupPath`).
 */
export const pathlessShape = (shape: string): string => (shape.includes('.') ? shape.replace(MEMBER_PATH, 'x') : shape);
const MEMBER_PATH = /\bx(?:\.x)+\b/g;
