import { ForkdiffError } from './errors.js';
import { CATEGORY_IDS, type CategoryId } from './model.js';
import { FORMATS, type Format } from './reporters/formats.js';
import { HUNKS_MODES, type HunksMode } from './reporters/options.js';

/** Raw flags as commander gives them. */
export interface RawFlags {
  diffFile?: string;
  srcPrefix?: string;
  dstPrefix?: string;
  upstream?: string;
  origin?: string;
  fetch: boolean;
  forkRev?: string;
  /** False for `--no-sync`. */
  sync: boolean;
  progress: boolean;
  format?: string;
  output?: string;
  category?: string[];
  color: boolean;
  config?: string;
  check?: boolean;
  since?: string;
  hunks?: string;
  baseline?: string;
  quiet?: boolean;
  debug?: boolean;
}

/** Flags that shape the report or the gate, which `baseline` and `init` have no use for. */
export const REPORT_ONLY_FLAGS = {
  format: '--format',
  output: '--output',
  category: '--category',
  check: '--check',
  since: '--since',
  hunks: '--hunks',
  quiet: '--quiet',
  sync: '--no-sync',
} as const satisfies Partial<Record<keyof RawFlags, string>>;

export function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'table';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new ForkdiffError(`unknown format "${value}": choose ${FORMATS.join(', ')}`);
}

/** `--hunks fork|all|none`, `fork` when not given. */
export function parseHunks(value: string | undefined): HunksMode {
  if (value === undefined) return 'fork';
  if ((HUNKS_MODES as readonly string[]).includes(value)) return value as HunksMode;
  throw new ForkdiffError(`unknown --hunks "${value}": choose ${HUNKS_MODES.join(', ')}`);
}

/** `--category workflow,dockerfile --category removed-tests` → ids, each checked. */
export function parseCategories(values: readonly string[] | undefined): CategoryId[] | null {
  if (!values || values.length === 0) return null;
  const ids = values.flatMap((value) => value.split(',')).map((id) => id.trim()).filter((id) => id !== '');
  for (const id of ids) {
    if (!(CATEGORY_IDS as readonly string[]).includes(id)) {
      throw new ForkdiffError(`unknown category "${id}": choose from ${CATEGORY_IDS.join(', ')}`);
    }
  }
  return ids as CategoryId[];
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];
