import type { Config } from './configSchema.js';

// What a config holds when there is none, kept apart from the zod schema so
// that a run without a config file never loads zod (about 230 modules, a
// tenth of a second of start-up). test/check/configDefaults.test.ts holds
// them equal to what the schema makes of an empty file.

/** Directions a dependency can move between upstream and fork. */
export const DEPENDENCY_DIRECTIONS = ['upgrade', 'downgrade', 'added', 'removed', 'changed'] as const;
export type DependencyDirection = (typeof DEPENDENCY_DIRECTIONS)[number];

export const DEFAULT_BASELINE = '.forkdiff-baseline.json';

/** The config of an empty (or absent) file, without its source. */
export const emptyConfig = (source: string | null): Config => ({ refs: [], baseline: DEFAULT_BASELINE, categories: {}, ignore: [], expect: [], source });
