import picomatch from 'picomatch';
import { CATEGORY_IDS } from '../model.js';
import type { CategoryId } from '../model.js';
import type { Config } from './configSchema.js';

/** The config's path settings, compiled once for the audit to apply per file. */
export interface PathRules {
  /** `ignore`: the file is dropped from the audit entirely. */
  isIgnored(path: string): boolean;
  /** `categories`: categories the user's extra globs add to this path (in report order). */
  extraCategories(path: string): CategoryId[];
}

const NEVER = (): boolean => false;

// `dot: true` like the built-in category globs, so `.github/**` style globs behave the same.
const matcher = (globs: readonly string[] | undefined): ((path: string) => boolean) =>
  globs && globs.length > 0 ? picomatch([...globs], { dot: true }) : NEVER;

export function compilePathRules(config: Pick<Config, 'ignore' | 'categories'>): PathRules {
  const isIgnored = matcher(config.ignore);
  const byCategory = CATEGORY_IDS.map((id) => [id, matcher(config.categories[id])] as const);
  return {
    isIgnored,
    extraCategories: (path) => byCategory.filter(([, isMatch]) => isMatch(path)).map(([id]) => id),
  };
}
