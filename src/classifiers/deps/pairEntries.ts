import { compareVersions, directionOf } from './versionDirection.js';
import type { DependencyChange, DependencyEntry, DependencySource, Ecosystem } from './types.js';

/**
 * Turns versions seen on each side into one change per dependency name.
 * A name whose versions are identical on both sides (e.g. only its hash line
 * moved) is no change; several versions per side (lockfiles holding two
 * copies) are compared highest to highest.
 */
export function pairEntries(
  entries: readonly DependencyEntry[],
  ecosystem: Ecosystem,
  source: DependencySource,
): DependencyChange[] {
  const byName = new Map<string, { upstream: string[]; fork: string[]; note?: string }>();
  for (const entry of entries) {
    const slot = byName.get(entry.name) ?? { upstream: [], fork: [] };
    const versions = slot[entry.side];
    if (!versions.includes(entry.version)) versions.push(entry.version);
    if (entry.note && !slot.note) slot.note = entry.note;
    byName.set(entry.name, slot);
  }
  const changes: DependencyChange[] = [];
  for (const [name, { upstream, fork, note }] of byName) {
    const onlyUpstream = upstream.filter((version) => !fork.includes(version));
    const onlyFork = fork.filter((version) => !upstream.includes(version));
    if (onlyUpstream.length === 0 && onlyFork.length === 0) continue;
    const upstreamVersion = highest(onlyUpstream);
    const forkVersion = highest(onlyFork);
    const change: DependencyChange = {
      ecosystem,
      source,
      name,
      upstream: upstreamVersion,
      fork: forkVersion,
      direction: directionOf(upstreamVersion, forkVersion),
    };
    if (note) change.note = note;
    changes.push(change);
  }
  return changes;
}

const highest = (versions: readonly string[]): string | null =>
  versions.reduce<string | null>(
    (best, version) => (best === null || (compareVersions(best, version) ?? 0) < 0 ? version : best),
    null,
  );
