import type { Finding, Side } from '../../model.js';
import type { Located } from '../common/location.js';
import type { ClassifyContext } from '../define.js';

/**
 * What the vendored-deps classifier remembers across the files of one run, so
 * that go.sum and vendor/modules.txt do not repeat a module go.mod already
 * reported, and vendored files collapse into one row per module. Keyed by the
 * context object: the caller passes one context for all files of a run.
 */
export interface RunMemory {
  /** Go module → the row that reports it (from go.mod, go.sum or modules.txt). */
  goRows: Map<string, Finding>;
  /** Go module → the row that groups its vendored files when no version row exists. */
  vendoredRows: Map<string, Finding>;
  /** Module paths seen in go.mod / modules.txt, for attributing vendored files. */
  knownModules: Set<string>;
  /** `dir\0package` → the poetry.lock row a pyproject.toml range of the same package joins (see lockPreference.ts). */
  lockedRows: Map<string, Finding>;
  /** Submodule path → its row, which the files the other tip keeps there join (see submodule.ts). */
  submoduleRows: Map<string, Finding>;
  /** modules.txt path → the row of a Go vendor tree only one tip has, which its modules' files join (see vendorTree.ts). */
  vendorTrees: Map<string, Finding>;
}

const memories = new WeakMap<ClassifyContext, RunMemory>();

export function runMemoryOf(context: ClassifyContext): RunMemory {
  let memory = memories.get(context);
  if (!memory) {
    memory = { goRows: new Map(), vendoredRows: new Map(), knownModules: new Set(), lockedRows: new Map(), submoduleRows: new Map(), vendorTrees: new Map() };
    memories.set(context, memory);
  }
  return memory;
}

/** The vendored files a row groups (empty when it groups none). */
export const vendoredFilesOf = (row: Finding): string[] => (Array.isArray(row.details['vendoredFiles']) ? (row.details['vendoredFiles'] as string[]) : []);

/**
 * Adds a vendored path to the row of its module. A row of vendored files
 * alone then also stands for that file's side and commits; a version row
 * keeps the side and commits of the version lines it was read from.
 */
export function attachVendoredFile(row: Finding, path: string, at: Located): void {
  // Every path comes once (a diff names each file once): no search through thousands of vendored files.
  const files = vendoredFilesOf(row);
  files.push(path);
  row.details['vendoredFiles'] = files;
  if (row.kind !== 'vendored-files') return;
  row.side = joinSides(row.side, at.side);
  for (const sha of at.commits) if (!row.commits.includes(sha)) row.commits.push(sha);
}

export const joinSides = (a: Side, b: Side): Side => (a === null ? b : b === null || a === b ? a : 'both');
