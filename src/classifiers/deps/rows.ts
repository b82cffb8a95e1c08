import type { Finding, Side } from '../../model.js';
import { createFinding } from '../common/finding.js';
import type { Located } from '../common/location.js';
import { describeChange } from '../common/wording.js';
import { UNPINNED } from './types.js';
import type { DependencyChange } from './types.js';

/** A version as messages say it: `unpinned` for UNPINNED. */
const unpinned = (version: string | null): string | null => (version === UNPINNED ? 'unpinned' : version);

/**
 * Who moved the dependency: `upstream bumped X v1.6.18 → v1.6.21; fork still
 * at v1.6.18`, `fork downgraded X …`, `fork added X (v2)`; without sides the
 * neutral `X: v1 → v2 (downgrade)`.
 */
function versionMessage(change: DependencyChange, side: Side): string {
  const subject = change.source === 'go.mod replace' ? `replace ${change.name}` : change.name;
  const neutral =
    change.upstream === null ? `${subject}: added ${change.fork === UNPINNED ? 'unpinned' : `at ${change.fork ?? '?'}`} (fork only)`
      : change.fork === null ? `${subject}: ${change.upstream} removed (upstream only)`
        : `${subject}: ${unpinned(change.upstream)} → ${unpinned(change.fork)} (${change.direction})`;
  const message = describeChange({ subject, upstream: unpinned(change.upstream), fork: unpinned(change.fork), side, neutral });
  return change.groups ? `${message}; ${groupsText(change.groups)}` : message;
}

const list = (groups: readonly string[]): string => groups.join(', ');
const groupsText = ({ upstream, fork }: { upstream: string[]; fork: string[] }): string => `listed in ${list(upstream)} upstream, ${list(fork)} in the fork`;

/**
 * A dependency both tips list at the same version, in other groups. Said
 * from the side that moved: `fork dropped react (^18) from peerDependencies;
 * still in dependencies`, `upstream moved pytest (>=7) from … to …; fork still
 * lists it in …`.
 */
function movedMessage(change: DependencyChange, side: Side): string {
  const { upstream, fork } = change.groups ?? { upstream: [], fork: [] };
  const subject = `${change.name} (${unpinned(change.fork ?? change.upstream) ?? ''})`;
  if (side !== 'fork' && side !== 'upstream') {
    const neutral = `${subject}: ${list(upstream)} → ${list(fork)}`;
    return side === 'both' ? `both moved ${subject}: upstream lists it in ${list(upstream)}, the fork in ${list(fork)}` : neutral;
  }
  // What the side that moved had before (the other tip, as the merge base had it) and has now.
  const [before, after] = side === 'fork' ? [upstream, fork] : [fork, upstream];
  const dropped = before.filter((group) => !after.includes(group));
  const added = after.filter((group) => !before.includes(group));
  const tail = side === 'upstream' ? `; fork still lists it in ${list(fork)}` : '';
  if (added.length === 0) return `${side} dropped ${subject} from ${list(dropped)}${side === 'fork' ? `; still in ${list(after)}` : tail}`;
  if (dropped.length === 0) return `${side} also lists ${subject} in ${list(added)}${side === 'upstream' ? '; fork does not' : ''}`;
  return `${side} moved ${subject} from ${list(dropped)} to ${list(added)}${tail}`;
}

/**
 * One row per change. A version change keeps the identity it always had
 * (ecosystem, source, name, versions), so baselines keep matching; a move
 * between groups at the same version is its own kind, identified by the groups.
 */
export function dependencyRow(path: string, change: DependencyChange, at: Located): Finding {
  const isMove = change.groups !== undefined && change.upstream === change.fork;
  return createFinding({
    category: 'vendored-deps',
    kind: isMove ? 'dependency-moved' : 'dependency',
    path,
    message: isMove ? movedMessage(change, at.side) : versionMessage(change, at.side),
    identity: isMove
      ? [change.ecosystem, change.source, change.name, list(change.groups?.upstream ?? []), list(change.groups?.fork ?? [])]
      : [change.ecosystem, change.source, change.name, change.upstream, change.fork],
    ...at,
    confidence: change.direction === 'changed' && !isMove ? 'medium' : 'high',
    details: {
      module: change.name,
      ecosystem: change.ecosystem,
      upstream: change.upstream,
      fork: change.fork,
      direction: change.direction,
      source: change.source,
      ...(change.note ? { note: change.note } : {}),
      ...(change.basis ? { compared: change.basis } : {}),
      ...(change.groups ? { groups: change.groups } : {}),
    },
  });
}
