/**
 * git's own reason for a failure, as one line: its first `fatal:`/`error:`
 * line (git names the cause first, then generic advice such as "Could not
 * read from remote repository."), else its last line.
 */
export const gitFailureReason = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const reason = lines.find((line) => /^(fatal|error):/.test(line)) ?? lines.at(-1) ?? 'unknown error';
  return reason.replace(/^(fatal|error):\s*/, '');
};

/**
 * A git command run through simple-git that failed, as one line: simple-git's
 * GitError carries the task it ran. A clone missing an object fails this way
 * (`git log` stops at "unable to read"): bad input, not a bug in forkdiff.
 * Anything else is null. Read by shape, so that the caller need not load simple-git.
 */
export const simpleGitFailure = (error: unknown): string | null => {
  const commands = error instanceof Error ? (error as { task?: { commands?: unknown } }).task?.commands : undefined;
  if (!Array.isArray(commands)) return null;
  return `git ${String(commands[0] ?? '')} failed: ${gitFailureReason(error)}`;
};
