import type { CommitInfo } from '../model.js';

/** Commits that fix the same thing by their message: the same advisory ids and subject (a pull request's iterations). */
export const groupBySubject = <Commit extends Pick<CommitInfo, 'subject' | 'security'>>(commits: readonly Commit[]): Commit[][] => {
  const groups = new Map<string, Commit[]>();
  for (const commit of commits) {
    const key = `${commit.security.join(',')}\n${commit.subject}`;
    const group = groups.get(key);
    if (group) group.push(commit);
    else groups.set(key, [commit]);
  }
  return [...groups.values()];
};
