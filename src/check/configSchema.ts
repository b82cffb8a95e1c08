import { z } from 'zod';
import { CATEGORY_IDS, SIDES } from '../model.js';
import type { CategoryId } from '../model.js';
import { DEFAULT_BASELINE, DEPENDENCY_DIRECTIONS } from './configDefaults.js';
import type { DependencyDirection } from './configDefaults.js';

/** One declared, expected piece of drift. Every field given must match a finding. */
export interface ExpectRule {
  category: CategoryId;
  /** Globs on the finding's path (picomatch, dotfiles included). */
  paths?: string[];
  /** The finding's kind, e.g. `base-image`. */
  kind?: string;
  /** Glob on `details.module` of dependency findings. */
  module?: string;
  direction?: DependencyDirection[];
  /** Glob on `details.test` of removed-test findings. */
  test?: string;
  side?: (typeof SIDES)[number];
  reason: string;
}

/** `.forkdiff.yml`, validated and normalised (single values become lists). */
export interface Config {
  upstream?: string;
  origin?: string;
  refs: string[];
  /** As written; resolve with `baselinePath`. */
  baseline: string;
  /** Extra path globs per category, on top of the built-in ones. */
  categories: Partial<Record<CategoryId, string[]>>;
  /** Paths dropped from the audit entirely. */
  ignore: string[];
  expect: ExpectRule[];
  /** Absolute path of the file it was read from, or null when there was none. */
  source: string | null;
}

const isMissing = (input: unknown): boolean => input === undefined || input === null;

/** A key present with no value (`upstream:`) is not the same mistake as a missing key. */
const missingMessage = (input: unknown, ifMissing: string): string =>
  input === null && ifMissing === 'required' ? 'is empty: give a value or remove the key' : ifMissing;

/** A strict mapping whose unknown-key error lists what is allowed. */
function mapping<Shape extends z.ZodRawShape>(shape: Shape, what: string) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((key) => JSON.stringify(key)).join(', ');
        return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys} (allowed: ${allowed})`;
      }
      return isMissing(issue.input) ? `required (${what})` : `must be ${what}`;
    },
  });
}

const text = (what: string, ifMissing = 'required') =>
  z
    .string({ error: (issue) => (isMissing(issue.input) ? missingMessage(issue.input, ifMissing) : `must be ${what}`) })
    .trim()
    .min(1, ifMissing === 'required' ? 'must not be empty' : ifMissing);

const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.enum(values, {
    error: (issue) => (isMissing(issue.input) ? missingMessage(issue.input, 'required') : `must be one of ${values.join(', ')}`),
  });

/** A single value is accepted where a list is expected, so `paths: Dockerfile` works. */
const oneOrMany = <Item extends z.ZodType>(item: Item, what: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z.array(item, { error: `must be ${what}` }),
  );

/** `expect:` with every rule commented out leaves an empty key: read it as the empty default. */
const orEmpty = <Schema extends z.ZodType>(schema: Schema) => z.preprocess((value) => value ?? undefined, schema);

/**
 * Past 64 KiB picomatch throws, and well before that its compile time grows
 * fast on nested brackets: no real path glob is longer than this.
 */
export const MAX_GLOB_LENGTH = 1024;
const glob = (what: string) => text(what).max(MAX_GLOB_LENGTH, `must be at most ${MAX_GLOB_LENGTH} characters long`);

const globs = oneOrMany(glob('a glob string'), 'a glob or a list of globs');

const expectRuleSchema = mapping(
  {
    category: oneOf(CATEGORY_IDS).describe('The category of the findings this rule expects.'),
    paths: globs.optional().describe("Globs on the finding's path (dotfiles included)."),
    kind: text('a finding kind, e.g. base-image').optional().describe('The finding kind, e.g. base-image, secret-referenced, test-removed.'),
    module: glob('a module name or glob').optional().describe('Dependency findings: glob on the module name.'),
    direction: oneOrMany(oneOf(DEPENDENCY_DIRECTIONS), `one of ${DEPENDENCY_DIRECTIONS.join(', ')} or a list of them`)
      .optional()
      .describe('Dependency findings: the direction(s) allowed.'),
    test: glob('a test name or glob').optional().describe('Removed-test findings: glob on the test name.'),
    side: oneOf(SIDES).optional().describe('Only findings read from lines that moved on this side.'),
    reason: text('a sentence saying why this drift is expected', 'required (say why this drift is expected)').describe(
      'Why this drift is expected: every rule needs one.',
    ),
  },
  'a rule with at least category and reason',
);

// `sync` findings come from history, not from paths: it takes no globs.
const PATH_CATEGORY_IDS = CATEGORY_IDS.filter((id) => id !== 'sync');
const categoryGlobsShape = Object.fromEntries(PATH_CATEGORY_IDS.map((id) => [id, globs.optional()])) as Record<
  Exclude<CategoryId, 'sync'>,
  ReturnType<typeof globs.optional>
>;

export const configSchema = mapping(
  {
    upstream: text('a remote name or URL').optional().describe('Upstream remote name or URL (default: upstream); --upstream wins.'),
    origin: text('a remote name or URL').optional().describe("The fork's remote name or URL (default: origin); --origin wins."),
    refs: orEmpty(oneOrMany(text('a ref name'), 'a ref or a list of refs').default([])).describe('Branches audited when forkdiff is given none.'),
    baseline: text('a file path').default(DEFAULT_BASELINE).describe("Baseline file, relative to this file's folder; --baseline wins."),
    categories: orEmpty(mapping(categoryGlobsShape, 'a mapping of category id to path globs').default({})).describe(
      'Extra path globs per category, on top of the built-in ones.',
    ),
    ignore: orEmpty(globs.default([])).describe('Path globs left out of the audit entirely.'),
    expect: orEmpty(z.array(expectRuleSchema, { error: 'must be a list of rules' }).default([])).describe(
      'Declared drift: findings a rule covers never fail --check.',
    ),
  },
  'a mapping of settings',
);
