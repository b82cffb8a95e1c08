import { revertedSubjectOf } from './commitLog.js';

/** What a commit says of itself: enough to tell which commit it reverts. */
interface Message {
  sha: string;
  subject: string;
  body: string;
}

/** The sha git's `revert` names in the message it writes. */
const REVERTED_SHA = /This reverts commit ([0-9a-f]{7,64})/i;

/** What a commit says it reverts: the sha git's `revert` names in the body, the subject a `Revert "<subject>"` names; each undefined when not said. */
export const revertNamed = ({ subject, body }: Pick<Message, 'subject' | 'body'>): { sha: string | undefined; subject: string | undefined } =>
  ({ sha: REVERTED_SHA.exec(body)?.[1], subject: revertedSubjectOf(subject) });

/**
 * Of `commits` (newest first, as git log lists them), which one each
 * reverts, among themselves: the commit its `This reverts commit <sha>`
 * names, else one of the subject its `Revert "<subject>"` names (GitHub's
 * revert button names no sha), the nearest listed after it first. Keyed by
 * the reverting commit.
 */
export const revertTargets = (commits: readonly Message[]): Map<string, string> => {
  const targets = new Map<string, string>();
  commits.forEach((commit, index) => {
    const said = revertNamed(commit);
    const named = said.sha;
    const subject = named === undefined ? said.subject : undefined;
    if (named === undefined && subject === undefined) return;
    const isTarget = (other: Message): boolean => (named === undefined ? other.subject === subject : other.sha.startsWith(named));
    const target = commits.slice(index + 1).find(isTarget) ?? commits.slice(0, index).reverse().find(isTarget);
    if (target) targets.set(commit.sha, target.sha);
  });
  return targets;
};

/**
 * Of `commits` (newest first), those a later one of them reverts where that
 * revert stands itself: a revert reverted is undone, and what it reverted
 * stands again. OpenShift's cni-plugins reverted upstream's "Fix path
 * substitution to enable setting sysctls on vlan interfaces", then reverted
 * that revert.
 */
export const undoneCommits = (commits: readonly Message[]): Set<string> => {
  const revertersOf = new Map<string, string[]>();
  for (const [reverter, target] of revertTargets(commits)) revertersOf.set(target, [...(revertersOf.get(target) ?? []), reverter]);
  const standing = new Map<string, boolean>();
  const stands = (sha: string): boolean => {
    const known = standing.get(sha);
    if (known !== undefined) return known;
    standing.set(sha, true); // a cycle of messages cannot be, but would end here
    const isStanding = !(revertersOf.get(sha) ?? []).some(stands);
    standing.set(sha, isStanding);
    return isStanding;
  };
  return new Set(commits.map((commit) => commit.sha).filter((sha) => !stands(sha)));
};
