import type { CommitInfo } from '../model.js';

/**
 * Commits that are one fix by their message and their files: the same
 * advisory ids and subject, linked by the files they touch (netbox's three
 * iterations of `#22675 Validate RSS feed entry link schemes…`, each touching
 * the widget or its test, and the last both). Two fixes under one generic
 * subject stay apart when they touch different files (act's two GitHub
 * advisories, each `Merge commit from fork`). Groups keep the commits' order,
 * and come in the order of the first of each in `commits`.
 */
export const groupSameFix = <Commit extends Pick<CommitInfo, 'sha' | 'subject' | 'security'>>(
  commits: readonly Commit[],
  pathsOf: (sha: string) => readonly string[],
): Commit[][] => {
  // Union-find over the commits' places: same subject and ids, and a path in common.
  const leader = commits.map((_, index) => index);
  const find = (index: number): number => {
    let at = index;
    while (leader[at] !== at) at = leader[at] as number;
    leader[index] = at;
    return at;
  };
  const firstBy = new Map<string, number>();
  commits.forEach((commit, index) => {
    const subject = `${commit.security.join(',')}\n${commit.subject}`;
    for (const path of pathsOf(commit.sha)) {
      const key = `${subject}\n${path}`;
      const first = firstBy.get(key);
      if (first === undefined) firstBy.set(key, index);
      else leader[find(index)] = find(first);
    }
  });
  const groups = new Map<number, Commit[]>();
  commits.forEach((commit, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) group.push(commit);
    else groups.set(root, [commit]);
  });
  // A group is made when the first of its commits in `commits` is reached: the groups keep that order already.
  return [...groups.values()];
};

/**
 * A fix's commits as git lists them (newest first) → its first commit, then
 * the others: a fix is named by its first commit, so a later iteration does
 * not move its fingerprint.
 */
export const firstCommitFirst = <Commit>(fix: readonly Commit[]): Commit[] => [...fix.slice(-1), ...fix.slice(0, -1)];
