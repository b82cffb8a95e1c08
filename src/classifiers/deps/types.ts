/** Package ecosystems whose manifests and lockfiles forkdiff reads. */
export const ECOSYSTEMS = ['go', 'npm', 'cargo', 'pypi'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

/** How the fork's version of a dependency relates to upstream's. */
export const DIRECTIONS = ['upgrade', 'downgrade', 'added', 'removed', 'changed'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Which file kind a dependency row was read from; go.mod outranks go.sum and modules.txt. */
export type DependencySource =
  | 'go.mod' | 'go.mod replace' | 'go.sum' | 'modules.txt' | 'vendor'
  | 'package.json' | 'package-lock.json' | 'yarn.lock' | 'pnpm-lock.yaml'
  | 'Cargo.toml' | 'Cargo.lock' | 'requirements' | 'poetry.lock' | 'pyproject.toml';

/** One dependency version seen on one side of a hunk. */
export interface DependencyEntry {
  name: string;
  version: string;
  side: 'upstream' | 'fork';
  /** Its line number in that side's file, when known. */
  line?: number;
  /** Extra facts, e.g. `indirect`, the dependency block, a replace target. */
  note?: string;
}

/** One dependency whose version differs between upstream and the fork. */
export interface DependencyChange {
  ecosystem: Ecosystem;
  source: DependencySource;
  name: string;
  upstream: string | null;
  fork: string | null;
  direction: Direction;
  note?: string;
}
