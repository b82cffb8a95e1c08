import type { CategoryId, OtherKind } from '../model.js';

/** Presentation of each category; a new category without an entry does not compile. */
export const CATEGORY_INFO = {
  workflow: { title: 'CI workflows', colour: 'cyan' },
  dockerfile: { title: 'Dockerfiles', colour: 'blue' },
  'vendored-deps': { title: 'Dependencies', colour: 'magenta' },
  'reverted-fixes': { title: 'Reverted or missing fixes', colour: 'red' },
  'removed-tests': { title: 'Removed tests', colour: 'yellow' },
  sync: { title: 'Sync with upstream', colour: 'redBright' },
  other: { title: 'Other', colour: 'gray' },
} as const satisfies Record<CategoryId, { title: string; colour: string }>;

export const OTHER_KIND_TITLES = {
  'fork-addition': 'New files in the fork',
  docs: 'Docs',
  build: 'Build scripts',
  test: 'Tests',
  source: 'Source',
} as const satisfies Record<OtherKind, string>;

export const SIDE_TITLES = {
  fork: 'fork carries',
  upstream: 'fork lacks (upstream moved)',
  both: 'both moved',
} as const;
