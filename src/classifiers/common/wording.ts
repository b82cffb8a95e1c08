import type { Side } from '../../model.js';
import { directionOf } from '../deps/versionDirection.js';
import type { Direction } from '../deps/types.js';

/**
 * Messages that say who did what. The two-tip diff only shows that upstream
 * and the fork differ; the side says which of them moved since the merge
 * base, and the wording follows it: a fork that lacks an upstream addition
 * did not remove it, and an upstream bump is not a fork downgrade. Without a
 * side (diff-file mode) the messages keep the neutral upstream → fork form.
 */

/** One value (a version, an image, a pin) as upstream and the fork have it; null where absent. */
export interface ValueChange {
  /** What holds the value, e.g. `github.com/containerd/containerd`, `ARG CONTAINERD_VERSION`. */
  subject: string;
  upstream: string | null;
  fork: string | null;
  side: Side;
  /** Set to compare versions; unset for values without an order (images of different repositories). */
  isVersioned?: boolean;
  /** The message without a side (diff-file mode), when the default form does not read well. */
  neutral?: string;
  /** What compares when the values shown are labels (`v6.0.2 (de0fac2e)` compares as `v6.0.2`). */
  versions?: { upstream: string; fork: string };
}

const VERB: Record<Direction, string> = { upgrade: 'bumped', downgrade: 'downgraded', changed: 'changed', added: 'added', removed: 'removed' };

/** How upstream's value relates to the fork's, as the fork sees it: ` (fork behind)`. */
const relation = (direction: Direction): string =>
  direction === 'upgrade' ? ' (fork ahead)' : direction === 'downgrade' ? ' (fork behind)' : '';

export function describeChange({ subject, upstream, fork, side, isVersioned = true, neutral, versions }: ValueChange): string {
  const compared = versions ?? { upstream, fork };
  const direction = isVersioned ? directionOf(compared.upstream, compared.fork) : upstream === null ? 'added' : fork === null ? 'removed' : 'changed';
  if (side === 'fork') {
    if (upstream === null) return `fork added ${subject} (${fork ?? ''})`;
    if (fork === null) return `fork removed ${subject} (upstream has ${upstream})`;
    return `fork ${VERB[direction]} ${subject} ${upstream} → ${fork}`;
  }
  if (side === 'upstream') {
    if (upstream === null) return `upstream removed ${subject}; fork still has ${fork ?? ''}`;
    if (fork === null) return `upstream added ${subject} (${upstream}); fork lacks it`;
    const own = isVersioned ? directionOf(compared.fork, compared.upstream) : 'changed';
    return `upstream ${VERB[own]} ${subject} ${fork} → ${upstream}; fork still at ${fork}`;
  }
  if (side === 'both') {
    return `both changed ${subject}: upstream ${upstream ?? 'removed it'}, fork ${fork ?? 'removed it'}${isVersioned ? relation(direction) : ''}`;
  }
  if (neutral !== undefined) return neutral;
  if (upstream === null) return `${subject}: ${fork ?? ''} only in the fork`;
  if (fork === null) return `${subject}: ${upstream} only upstream`;
  return `${subject}: ${upstream} → ${fork}${isVersioned && direction !== 'changed' ? ` (${direction})` : ''}`;
}

/** Something (a job, a stage, a test, a secret) one tip has and the other lacks. */
export interface PresenceChange {
  /** e.g. `job "frontend-base"`, `test testBasicS3CacheImportExport`. */
  thing: string;
  /** The tip that has it. */
  presentIn: 'upstream' | 'fork';
  side: Side;
  /** How the fork lacks what upstream has: removed, or kept as a comment. */
  isCommentedOut?: boolean;
  /** Verbs for this kind of thing (a secret is "referenced", a skip "added"). */
  added?: string;
  removed?: string;
  /** The message without a side (diff-file mode), when the default form does not read well. */
  neutral?: string;
}

export function describePresence({ thing, presentIn, side, isCommentedOut = false, added = 'added', removed = 'removed', neutral }: PresenceChange): string {
  if (side === null && neutral !== undefined) return neutral;
  const gone = isCommentedOut ? 'commented out' : removed;
  if (presentIn === 'upstream') {
    if (side === 'fork') return `fork ${gone} ${thing}`;
    if (side === 'upstream') return `upstream ${added} ${thing}; fork lacks it`;
    if (side === 'both') return `fork ${gone} ${thing}, which upstream changed since`;
    return `${thing} ${gone}`;
  }
  if (side === 'fork') return `fork ${added} ${thing}`;
  if (side === 'upstream') return `upstream ${removed} ${thing}; fork still has it`;
  // Lines of it the fork kept from the merge base, and lines the fork wrote: upstream removed a thing the fork went on changing.
  if (side === 'both') return `upstream ${removed} ${thing}, which the fork changed since`;
  return `${thing} ${added}`;
}
