import type { CommitInfo } from '../model.js';
import type { Repo } from './repo.js';

/** A commit as read from `git log`, with its full message for revert detection. */
export interface LoggedCommit extends CommitInfo {
  body: string;
}

const FIELD = '\x1f';
const RECORD = '\x1e';
const FORMAT = `--format=%H${FIELD}%s${FIELD}%an${FIELD}%aI${FIELD}%B${RECORD}`;

const FIX_SUBJECT = /\b(fix(es|ed)?|bug|cve-\d+|security|race|deadlock|leak|panic|backport)/i;

/** Does a subject read as a fix? (fix, bug, CVE, security, race, deadlock, leak, panic, backport) */
export const isFixSubject = (subject: string): boolean => FIX_SUBJECT.test(subject);

/** `git log` over `args` (revisions and options), newest first, merges left out. */
export const logCommits = async (repo: Repo, args: string[]): Promise<LoggedCommit[]> => {
  const output = await repo.git.raw(['log', '--no-merges', FORMAT, ...args]);
  return output
    .split(RECORD)
    .map((record) => record.replace(/^\n/, ''))
    .filter((record) => record.length > 0)
    .map(parseRecord);
};

const parseRecord = (record: string): LoggedCommit => {
  const [sha = '', subject = '', author = '', date = '', body = ''] = record.split(FIELD);
  return { sha, subject, author, date, isFix: isFixSubject(subject), body };
};

/** The public part of a logged commit (the model has no body). */
export const toCommitInfo = ({ sha, subject, author, date, isFix }: LoggedCommit): CommitInfo => ({
  sha,
  subject,
  author,
  date,
  isFix,
});
