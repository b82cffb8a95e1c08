/**
 * How every git process forkdiff starts is configured. The user's repository
 * must come out of a run exactly as it went in (bar remote-tracking refs), so
 * read commands must not refresh the index, and nothing may trigger gc,
 * maintenance or a credential prompt that would hang CI.
 */

/** Programs forkdiff never lets git start; dropped so simple-git need not vet them. */
const UNUSED_PROGRAM_VARIABLES = new Set([
  'EDITOR',
  'VISUAL',
  'GIT_EDITOR',
  'GIT_SEQUENCE_EDITOR',
  'PAGER',
  'GIT_PAGER',
  'GIT_EXTERNAL_DIFF',
]);

/**
 * Environment for git children: the caller's, plus read-only and scripting
 * guards. Read from `process.env` once per process: enumerating it is a
 * millisecond a call, and a run starts some thirty git processes.
 */
export const gitEnv = (): Readonly<Record<string, string>> => (cached ??= readGitEnv());

let cached: Readonly<Record<string, string>> | null = null;

const readGitEnv = (): Readonly<Record<string, string>> => {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !UNUSED_PROGRAM_VARIABLES.has(key)) env[key] = value;
  }
  return Object.freeze({
    ...env,
    // `git status`-like refreshes of .git/index are "optional locks"; skip them.
    GIT_OPTIONAL_LOCKS: '0',
    GIT_TERMINAL_PROMPT: '0',
    // Paths come from diffs, never globs: `*` in a file name must stay literal.
    GIT_LITERAL_PATHSPECS: '1',
    // Error messages are parsed (e.g. "couldn't find remote ref"), so keep them English.
    LC_ALL: 'C',
  });
};

/** `-c` settings for every command: raw unicode paths, and no housekeeping writes. */
export const GIT_CONFIG = [
  'core.quotePath=false',
  'color.ui=false',
  'gc.auto=0',
  'maintenance.auto=false',
  'fetch.writeCommitGraph=false',
] as const;

/** The same settings as leading `git` arguments, for spawned processes. */
export const gitConfigArgs = (): string[] => GIT_CONFIG.flatMap((setting) => ['-c', setting]);
