import type { FileDiff, Hunk } from '../../model.js';
import { readWholeFiles } from '../common/wholeFiles.js';
import type { ClassifyContext } from '../define.js';
import { goModEntries, goSumEntries, modulesTxtEntries } from './gomod.js';
import { packageJsonEntries, packageJsonEntriesFromTexts, packageLockEntries, pnpmLockEntries, yarnLockEntries } from './npm.js';
import { pep508ArrayEntries, requirementsEntries } from './python.js';
import { tomlLockEntries, tomlManifestEntries } from './toml.js';
import type { DependencyEntry, DependencySource, Ecosystem } from './types.js';

/** Entries of one source kind, each remembering the hunk it came from. */
export interface EntryGroup {
  ecosystem: Ecosystem;
  source: DependencySource;
  entries: (DependencyEntry & { hunk: Hunk | null })[];
}

type HunkReader = (hunk: Hunk) => { source: DependencySource; entries: DependencyEntry[] }[];

const single = (source: DependencySource, read: (hunk: Hunk) => DependencyEntry[]): HunkReader =>
  (hunk) => [{ source, entries: read(hunk) }];

/** Which reader a manifest or lockfile needs, by its file name. */
const READERS: { pattern: RegExp; ecosystem: Ecosystem; read: HunkReader }[] = [
  { pattern: /(^|\/)go\.mod$/, ecosystem: 'go', read: (hunk) => {
    const { requires, replaces } = goModEntries(hunk);
    return [{ source: 'go.mod', entries: requires }, { source: 'go.mod replace', entries: replaces }];
  } },
  { pattern: /(^|\/)go\.sum$/, ecosystem: 'go', read: single('go.sum', goSumEntries) },
  { pattern: /(^|\/)vendor\/modules\.txt$/, ecosystem: 'go', read: single('modules.txt', modulesTxtEntries) },
  { pattern: /(^|\/)package\.json$/, ecosystem: 'npm', read: single('package.json', packageJsonEntries) },
  { pattern: /(^|\/)(package-lock|npm-shrinkwrap)\.json$/, ecosystem: 'npm', read: single('package-lock.json', packageLockEntries) },
  { pattern: /(^|\/)yarn\.lock$/, ecosystem: 'npm', read: single('yarn.lock', yarnLockEntries) },
  { pattern: /(^|\/)pnpm-lock\.yaml$/, ecosystem: 'npm', read: single('pnpm-lock.yaml', pnpmLockEntries) },
  { pattern: /(^|\/)Cargo\.toml$/, ecosystem: 'cargo', read: single('Cargo.toml', tomlManifestEntries) },
  { pattern: /(^|\/)Cargo\.lock$/, ecosystem: 'cargo', read: single('Cargo.lock', tomlLockEntries) },
  { pattern: /(^|\/)poetry\.lock$/, ecosystem: 'pypi', read: single('poetry.lock', tomlLockEntries) },
  { pattern: /(^|\/)requirements[^/]*\.txt$/, ecosystem: 'pypi', read: single('requirements', requirementsEntries) },
  { pattern: /(^|\/)pyproject\.toml$/, ecosystem: 'pypi', read: (hunk) => [
    { source: 'pyproject.toml', entries: [...tomlManifestEntries(hunk), ...pep508ArrayEntries(hunk)] },
  ] },
];

export const isManifestPath = (path: string): boolean => READERS.some(({ pattern }) => pattern.test(path));

/** Dependency entries of a manifest or lockfile, grouped by source; empty for other files. */
export async function readEntryGroups(file: FileDiff, context: ClassifyContext): Promise<EntryGroup[]> {
  const reader = READERS.find(({ pattern }) => pattern.test(file.path));
  if (!reader) return [];
  const whole = reader.ecosystem === 'npm' && /(^|\/)package\.json$/.test(file.path) ? await readWholeFiles(file, context) : null;
  if (whole) {
    // Whole files make block membership exact; fall back to hunks when either side is unreadable.
    const exact = packageJsonEntriesFromTexts(
      file.status === 'added' ? null : whole.upstream,
      file.status === 'deleted' ? null : whole.fork,
    );
    if (exact) return [{ ecosystem: 'npm', source: 'package.json', entries: exact.map((entry) => ({ ...entry, hunk: null })) }];
  }
  const groups = new Map<DependencySource, EntryGroup>();
  for (const hunk of file.hunks) {
    for (const { source, entries } of reader.read(hunk)) {
      const group = groups.get(source) ?? { ecosystem: reader.ecosystem, source, entries: [] };
      group.entries.push(...entries.map((entry) => ({ ...entry, hunk })));
      groups.set(source, group);
    }
  }
  return [...groups.values()];
}
