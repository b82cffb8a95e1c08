import { isRange } from '../../versions/ranges.js';
import { directionOf } from './versionDirection.js';
import { compareVersions } from '../../versions/versionOrder.js';
import type { DependencyChange, DependencyEntry, DependencySource, Ecosystem } from './types.js';

interface Slot {
  upstream: DependencyEntry[];
  fork: DependencyEntry[];
  /** Entries of unchanged lines: the dependency is there on both sides, in these groups. */
  context: DependencyEntry[];
}

/**
 * Turns versions seen on each side into one change per dependency name.
 * A name whose versions are identical on both sides (e.g. only its hash line
 * moved) is no change; several versions per side (lockfiles holding two
 * copies) are compared highest to highest. A name still listed on both
 * sides, in other groups of the manifest, moved: it is no addition or
 * removal, and the change says which groups list it on each side.
 */
export function pairEntries(entries: readonly DependencyEntry[], ecosystem: Ecosystem, source: DependencySource): DependencyChange[] {
  const byName = new Map<string, Slot>();
  for (const entry of entries) {
    const slot = byName.get(entry.name) ?? { upstream: [], fork: [], context: [] };
    (entry.isContext ? slot.context : slot[entry.side]).push(entry);
    byName.set(entry.name, slot);
  }
  const changes: DependencyChange[] = [];
  for (const [name, slot] of byName) {
    if (slot.upstream.length === 0 && slot.fork.length === 0) continue;
    const versions = (side: 'upstream' | 'fork'): string[] => unique((slot[side].length > 0 ? slot[side] : slot.context).map((entry) => entry.version));
    const groups = (side: 'upstream' | 'fork'): string[] => unique([...slot[side], ...slot.context].flatMap((entry) => (entry.group ? [entry.group] : []))).sort();
    const [upstream, fork] = [versions('upstream'), versions('fork')];
    const onlyUpstream = upstream.filter((version) => !fork.includes(version));
    const onlyFork = fork.filter((version) => !upstream.includes(version));
    const [upstreamGroups, forkGroups] = [groups('upstream'), groups('fork')];
    const isMoved = upstream.length > 0 && fork.length > 0 && upstreamGroups.length > 0 && forkGroups.length > 0 && upstreamGroups.join() !== forkGroups.join();
    if (onlyUpstream.length === 0 && onlyFork.length === 0 && !isMoved) continue;
    // A move keeps the version a side still has, so it never reads as an addition or a removal.
    const upstreamVersion = highest(onlyUpstream) ?? (isMoved ? highest(upstream) : null);
    const forkVersion = highest(onlyFork) ?? (isMoved ? highest(fork) : null);
    const change: DependencyChange = { ecosystem, source, name, upstream: upstreamVersion, fork: forkVersion, direction: directionOf(upstreamVersion, forkVersion) };
    const note = [...slot.upstream, ...slot.fork, ...slot.context].find((entry) => entry.note)?.note;
    if (note) change.note = note;
    const isVersionChange = upstreamVersion !== forkVersion;
    if (isVersionChange && upstreamVersion !== null && forkVersion !== null && (isRange(upstreamVersion) || isRange(forkVersion))) change.basis = 'lower bound';
    if (isMoved) change.groups = { upstream: upstreamGroups, fork: forkGroups };
    changes.push(change);
  }
  return changes;
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

const highest = (versions: readonly string[]): string | null =>
  versions.reduce<string | null>(
    (best, version) => (best === null || (compareVersions(best, version) ?? 0) < 0 ? version : best),
    null,
  );
