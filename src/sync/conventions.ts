import { changeIdsOf } from '../git/commitLog.js';
import type { CarryTag } from '../model.js';

/** What a fork commit's message says about itself, by the conventions fork maintainers use. */
export interface CommitConventions {
  tag: CarryTag | null;
  /** `#1234` for `UPSTREAM: 1234:`, the upstream pull request the carry tracks. */
  upstreamRef: string | null;
  /**
   * The commits `(cherry picked from commit …)` trailers name, in order: a
   * backport picked again from branch to branch has one per hop (magnum's
   * stable-branch carries have up to four), the original first.
   */
  cherryPickedFrom: string[];
  /** Gerrit's `Change-Id: I…` trailer: the change's identity across branches and rebases, kept by its backports. */
  changeId: string | null;
}

/**
 * Reads the conventions of OpenShift's and Kubernetes' rebase tooling
 * (`UPSTREAM: <carry>:`, `UPSTREAM: <drop>:`, `UPSTREAM: 1234:`), `[CARRY]`
 * subjects, Ubuntu kernel `UBUNTU: SAUCE:` patches, the trailer
 * `git cherry-pick -x` writes, and Gerrit's Change-Id.
 */
export const readConventions = (subject: string, body: string): CommitConventions => {
  const cherryPickedFrom = [...body.matchAll(/\(cherry picked from commit ([0-9a-f]{7,64})\)/gi)].map((match) => match[1] ?? '');
  const changeId = changeIdsOf(body)[0] ?? null;
  const trailers = { cherryPickedFrom, changeId };
  const upstream = /^UPSTREAM:\s*(?:<(carry|drop)>|(\d+))\s*:/i.exec(subject);
  if (upstream?.[1]) return { tag: upstream[1].toLowerCase() as CarryTag, upstreamRef: null, ...trailers };
  if (upstream?.[2]) return { tag: 'upstream-pr', upstreamRef: `#${upstream[2]}`, ...trailers };
  if (/^\[CARRY\]/i.test(subject) || /^UBUNTU:\s*SAUCE:/i.test(subject)) return { tag: 'carry', upstreamRef: null, ...trailers };
  return { tag: null, upstreamRef: null, ...trailers };
};

/** Does an upstream subject or body say it merged pull request `ref` (`#1234`)? `(#1234)` or `Merge pull request #1234`. */
export const isMergeOf = (ref: string, message: string): boolean => {
  const number = ref.replace(/^#/, '');
  return new RegExp(`\\(#${number}\\)|Merge pull request #${number}\\b|Merge PR #${number}\\b|!${number}\\b`).test(message);
};
