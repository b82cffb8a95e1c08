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
