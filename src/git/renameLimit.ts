// What git says when its rename detection gives up (diffcore-rename.c: "exhaustive rename detection
// was skipped due to too many files", then "you may want to set your diff.renameLimit variable to
// at least N"; git before 2.33 said "inexact rename detection").

/**
 * A notice for the renames git did not look for, from the warnings of a
 * diff run with `-l<limit>`; null when it looked for all of them. Files
 * renamed past the limit read as deleted on one side and added on the other.
 */
export function renameLimitNotice(warnings: readonly string[], limit: number): string | null {
  if (!warnings.some((warning) => /rename detection was skipped/.test(warning))) return null;
  const needed = warnings.map((warning) => /renameLimit variable to at least (\d+)/.exec(warning)?.[1]).find((value) => value !== undefined);
  const setting = `git config diff.renameLimit ${needed ?? 'N'}`;
  const need = needed ? ` (this diff needs ${needed})` : '';
  return `git stopped looking for renames at its limit of ${limit} files${need}: renamed files read as deleted and added (\`${setting}\` in this clone makes git find them, at some cost in time)`;
}
