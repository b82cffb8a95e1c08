/** Package ecosystems whose manifests and lockfiles forkdiff reads. */
export const ECOSYSTEMS = ['go', 'npm', 'cargo', 'pypi'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

/** How the fork's version of a dependency relates to upstream's. */
export const DIRECTIONS = ['upgrade', 'downgrade', 'added', 'removed', 'changed'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Which file kind a dependency row was read from; go.mod outranks go.sum and modules.txt. */
export type DependencySource =
  | 'go.mod' | 'go.mod replace' | 'go.sum' | 'modules.txt' | 'vendor.conf' | 'vendor'
  | 'package.json' | 'package-lock.json' | 'yarn.lock' | 'pnpm-lock.yaml'
  | 'Cargo.toml' | 'Cargo.lock' | 'requirements' | 'poetry.lock' | 'pyproject.toml';

/** The version of a dependency listed without one (PEP 508's empty specifier, Poetry's and Cargo's `*`). */
export const UNPINNED = '(unpinned)';

/** One dependency version seen on one side of a hunk or a whole file. */
export interface DependencyEntry {
  name: string;
  version: string;
  side: 'upstream' | 'fork';
  /** Its line number in that side's file, when known. */
  line?: number;
  /** Extra facts, e.g. `indirect`, the dependency block, a replace target, an environment marker. */
  note?: string;
  /**
   * The block or table of the manifest that lists it (`devDependencies`,
   * `project.optional-dependencies.test`, `tool.poetry.group.dev.dependencies`):
   * a dependency that changes group moved, it was not added or removed.
   */
  group?: string;
  /**
   * Read from an unchanged (context) line of a hunk: it says the dependency is
   * there on both sides, in that group, but is no version change itself.
   */
  isContext?: boolean;
  /** The row kind it belongs to when one reader yields two (go.mod requires and replaces). */
  source?: DependencySource;
}

/** One dependency whose version, or the groups that list it, differ between upstream and the fork. */
export interface DependencyChange {
  ecosystem: Ecosystem;
  source: DependencySource;
  name: string;
  upstream: string | null;
  fork: string | null;
  direction: Direction;
  note?: string;
  /** Set when either version is a range: directions then compare the ranges' lower bounds. */
  basis?: 'lower bound';
  /** The groups listing it on each side, when they differ (it moved between blocks of the manifest). */
  groups?: { upstream: string[]; fork: string[] };
}
