import type { FileDiff, Hunk } from '../../model.js';
import { hunkContext, sideView, wholeView } from '../common/lines.js';
import type { SideLine } from '../common/lines.js';
import { readWholeFiles } from '../common/wholeFiles.js';
import type { ClassifyContext } from '../define.js';
import { goModSideEntries, goSumEntries, modulesTxtEntries, vendorConfSideEntries } from './gomod.js';
import { packageJsonEntries, packageJsonEntriesFromTexts, packageLockEntries, pnpmLockEntries, yarnLockEntries } from './npm.js';
import { normalisePythonName } from './pep508.js';
import { requirementsSideEntries } from './requirements.js';
import { tomlLockEntries } from './toml.js';
import { tomlManifestSideEntries } from './tomlManifest.js';
import type { DependencyEntry, DependencySource, Ecosystem } from './types.js';

/** Entries of one source kind of one file. */
export interface EntryGroup {
  ecosystem: Ecosystem;
  source: DependencySource;
  entries: DependencyEntry[];
}

/** Reads one side's lines (a hunk's view, or a whole file) with the function context git printed for the hunk. */
type SideReader = (lines: readonly SideLine[], side: 'upstream' | 'fork', context: string) => DependencyEntry[];

interface Reader {
  pattern: RegExp;
  ecosystem: Ecosystem;
  source: DependencySource;
  /**
   * Manifests are read side by side, from whole files in git mode: a hunk
   * may not show the block or table a line sits in, nor that a dependency it
   * drops is still listed in another group. Lockfiles are read hunk by hunk
   * (each entry names its package next to its version, and they can be huge).
   */
  read: { sides: SideReader } | { hunk: (hunk: Hunk) => DependencyEntry[] };
}

const isPypiLock = (path: string): boolean => /(^|\/)poetry\.lock$/.test(path);

/** Which reader a manifest or lockfile needs, by its file name. */
const READERS: Reader[] = [
  { pattern: /(^|\/)go\.mod$/, ecosystem: 'go', source: 'go.mod', read: { sides: goModSideEntries } },
  { pattern: /(^|\/)go\.sum$/, ecosystem: 'go', source: 'go.sum', read: { hunk: goSumEntries } },
  { pattern: /(^|\/)vendor\/modules\.txt$/, ecosystem: 'go', source: 'modules.txt', read: { hunk: modulesTxtEntries } },
  { pattern: /(^|\/)vendor\.conf$/, ecosystem: 'go', source: 'vendor.conf', read: { sides: vendorConfSideEntries } },
  { pattern: /(^|\/)package\.json$/, ecosystem: 'npm', source: 'package.json', read: { hunk: packageJsonEntries } },
  { pattern: /(^|\/)(package-lock|npm-shrinkwrap)\.json$/, ecosystem: 'npm', source: 'package-lock.json', read: { hunk: packageLockEntries } },
  { pattern: /(^|\/)yarn\.lock$/, ecosystem: 'npm', source: 'yarn.lock', read: { hunk: yarnLockEntries } },
  { pattern: /(^|\/)pnpm-lock\.yaml$/, ecosystem: 'npm', source: 'pnpm-lock.yaml', read: { hunk: pnpmLockEntries } },
  { pattern: /(^|\/)Cargo\.toml$/, ecosystem: 'cargo', source: 'Cargo.toml', read: { sides: (lines, side, context) => tomlManifestSideEntries(lines, side, context, 'cargo') } },
  { pattern: /(^|\/)Cargo\.lock$/, ecosystem: 'cargo', source: 'Cargo.lock', read: { hunk: tomlLockEntries } },
  { pattern: /(^|\/)poetry\.lock$/, ecosystem: 'pypi', source: 'poetry.lock', read: { hunk: tomlLockEntries } },
  { pattern: /(^|\/)(?:[^/]*-)?requirements[^/]*\.txt$|(^|\/)requirements\/[^/]+\.txt$/, ecosystem: 'pypi', source: 'requirements', read: { sides: requirementsSideEntries } },
  { pattern: /(^|\/)pyproject\.toml$/, ecosystem: 'pypi', source: 'pyproject.toml', read: { sides: (lines, side, context) => tomlManifestSideEntries(lines, side, context, 'pypi') } },
];

export const isManifestPath = (path: string): boolean => READERS.some(({ pattern }) => pattern.test(path));

/** Dependency entries of a manifest or lockfile, grouped by source; empty for other files. */
export async function readEntryGroups(file: FileDiff, context: ClassifyContext): Promise<EntryGroup[]> {
  const reader = READERS.find(({ pattern }) => pattern.test(file.path));
  if (!reader) return [];
  const entries = await readEntries(file, context, reader);
  if (isPypiLock(file.path)) for (const entry of entries) entry.name = normalisePythonName(entry.name);
  const groups = new Map<DependencySource, EntryGroup>();
  for (const entry of entries) {
    const source = entry.source ?? reader.source;
    const group = groups.get(source) ?? { ecosystem: reader.ecosystem, source, entries: [] };
    group.entries.push(entry);
    groups.set(source, group);
  }
  return [...groups.values()];
}

/**
 * The merge base's versions of a manifest read from whole files (go.mod,
 * vendor.conf, package.json, Cargo.toml, requirements, pyproject.toml), by
 * source and name: which dependencies the base listed, so that one a tip
 * lacks is known as removed there, and a tip that kept the base's version
 * is known not to have moved it. Null outside git mode, for lockfiles, or
 * without the file at the base.
 */
export async function readBaseVersions(file: FileDiff, context: ClassifyContext): Promise<ReadonlyMap<string, BaseEntry> | null> {
  const reader = READERS.find(({ pattern }) => pattern.test(file.path));
  const isPackageJson = reader?.source === 'package.json';
  if (context.mode !== 'git' || !reader || !('sides' in reader.read || isPackageJson) || file.status === 'added') return null;
  const text = await context.readFile('base', file.oldPath ?? file.path);
  if (text === null) return null;
  const entries = isPackageJson ? packageJsonEntriesFromTexts(text, null) : 'sides' in reader.read ? reader.read.sides(wholeView(text), 'upstream', '') : null;
  if (entries === null) return null;
  const versions = new Map<string, BaseEntry>();
  // A name listed at two versions (a dependency and a peer range; a go.mod requiring a module twice) has no one version to compare.
  const ambiguous = new Set<string>();
  for (const { source, name, version, line } of entries) {
    const key = baseKey(source ?? reader.source, name);
    const known = versions.get(key);
    if (known === undefined) versions.set(key, line === undefined ? { version } : { version, line });
    else if (known.version !== version) ambiguous.add(key);
  }
  for (const key of ambiguous) versions.delete(key);
  return versions;
}

/** A dependency as the merge base listed it: its version, and its line where known. */
export interface BaseEntry {
  version: string;
  line?: number;
}

/** The key of `readBaseVersions`' map. */
export const baseKey = (source: DependencySource, name: string): string => `${source}\u0000${name}`;

async function readEntries(file: FileDiff, context: ClassifyContext, reader: Reader): Promise<DependencyEntry[]> {
  const isPackageJson = reader.source === 'package.json';
  const whole = 'sides' in reader.read || isPackageJson ? await readWholeFiles(file, context) : null;
  if (whole && isPackageJson) {
    // Whole files make block membership exact; fall back to hunks when either side is not JSON.
    const exact = packageJsonEntriesFromTexts(file.status === 'added' ? null : whole.upstream, file.status === 'deleted' ? null : whole.fork);
    if (exact) return exact;
  }
  if ('hunk' in reader.read) return file.hunks.flatMap(reader.read.hunk);
  const { sides } = reader.read;
  if (whole) {
    // Every entry of a whole file is what that side states; entries equal on both sides pair away.
    return (['upstream', 'fork'] as const).flatMap((side) => sides(wholeView(whole[side]), side, '')).map(({ isContext: _, ...entry }) => entry);
  }
  return file.hunks.flatMap((hunk) => (['upstream', 'fork'] as const).flatMap((side) => sides(sideView(hunk, side), side, hunkContext(hunk))));
}
