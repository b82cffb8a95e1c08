/**
 * Which commits each merge brought in. An upstream release branch is often
 * nothing but `--no-ff` merges of topic branches: following lines along the
 * first-parent chain then lands on the merge, and the commit that really
 * wrote the line is one of the few that merge brought in, not any of the
 * dozens that touched the path since the base.
 */
export interface Branches {
  /** The non-merge and merge commits merge `sha` brought in (reachable from its other parents, not from its first); empty for others. */
  broughtIn(sha: string): ReadonlySet<string>;
}

const EMPTY: ReadonlySet<string> = new Set();

/** The first-parent chain of `tip` within the commits `parents` lists, newest first. */
export const firstParentChain = (parents: ReadonlyMap<string, readonly string[]>, tip: string): string[] => {
  const chain: string[] = [];
  for (let sha: string | undefined = tip; sha !== undefined && parents.has(sha); sha = parents.get(sha)?.[0]) chain.push(sha);
  return chain;
};

/**
 * From `parents` (every commit of `base..tip` → its parents, as `git
 * rev-list --parents` gives them) and the tip: walks the first-parent chain
 * oldest first, keeping what each chain commit already reaches, so every
 * commit is visited once whatever the number of merges.
 */
export const findBranches = (parents: ReadonlyMap<string, readonly string[]>, tip: string): Branches => {
  const chain = firstParentChain(parents, tip);
  const reached = new Set<string>();
  const brought = new Map<string, Set<string>>();
  for (const merge of chain.reverse()) {
    const [, ...others] = parents.get(merge) ?? [];
    if (others.length > 0) {
      const branch = new Set<string>();
      const queue = [...others];
      for (let sha = queue.pop(); sha !== undefined; sha = queue.pop()) {
        if (reached.has(sha) || branch.has(sha) || !parents.has(sha)) continue;
        branch.add(sha);
        queue.push(...(parents.get(sha) ?? []));
      }
      for (const sha of branch) reached.add(sha);
      brought.set(merge, branch);
    }
    reached.add(merge);
  }
  return { broughtIn: (sha) => brought.get(sha) ?? EMPTY };
};
