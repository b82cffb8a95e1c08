import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { ForkdiffError } from '../errors.js';
import { formatConfigIssue } from './configErrors.js';
import { configSchema } from './configSchema.js';
import type { Config } from './configSchema.js';

export type { Config, ExpectRule, DependencyDirection } from './configSchema.js';
export { DEPENDENCY_DIRECTIONS, DEFAULT_BASELINE } from './configSchema.js';

export const DEFAULT_CONFIG_FILE = '.forkdiff.yml';

const emptyConfig = (source: string | null): Config => ({ ...configSchema.parse({}), source });

/** YAML text → data; syntax errors become one line with the position. */
function parseYaml(text: string, file: string): unknown {
  const document = parseDocument(text);
  const [error] = document.errors;
  if (error) {
    const [start] = error.linePos ?? [];
    const position = start ? `line ${start.line}, column ${start.col}: ` : '';
    const what = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
    throw new ForkdiffError(`${file}: ${position}invalid YAML: ${what}`);
  }
  try {
    return document.toJS();
  } catch (cause) {
    // e.g. an alias to an anchor that is never defined
    const what = cause instanceof Error ? cause.message : String(cause);
    throw new ForkdiffError(`${file}: invalid YAML: ${what.split('\n')[0]}`);
  }
}

/**
 * Parse and validate config text. `file` is how the file is named in errors;
 * `source` is its absolute path (baseline paths resolve against its folder).
 */
export function parseConfig(text: string, file: string, source: string | null = null): Config {
  const raw = parseYaml(text, file);
  // An empty file (or one with only comments) is an empty config.
  if (raw === null || raw === undefined) return emptyConfig(source);
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new ForkdiffError(issue ? formatConfigIssue(file, issue, raw) : `${file}: invalid config`);
  }
  return { ...result.data, source };
}

const isNotFound = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR');

/**
 * Load `--config PATH`, or `.forkdiff.yml` in `cwd` when no path is given.
 * A missing default file is an empty config; a missing `--config` file is an error.
 */
export async function loadConfig(path: string | undefined, cwd: string): Promise<Config> {
  const isExplicit = path !== undefined;
  const absolute = resolve(cwd, path ?? DEFAULT_CONFIG_FILE);
  const shownName = isExplicit && isAbsolute(path) ? path : relative(cwd, absolute) || absolute;
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    if (isNotFound(error) && !isExplicit) return emptyConfig(null);
    if (isNotFound(error)) throw new ForkdiffError(`${shownName}: config file not found (check --config)`);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ForkdiffError(`${shownName}: cannot read config file: ${reason}`);
  }
  return parseConfig(text, shownName, absolute);
}

/**
 * Where the baseline lives: `--baseline FILE` (relative to cwd) wins, else the
 * config's `baseline` relative to the config file's folder, else relative to cwd.
 */
export function baselinePath(config: Config, flag: string | undefined, cwd: string): string {
  if (flag !== undefined) return resolve(cwd, flag);
  return resolve(config.source ? dirname(config.source) : cwd, config.baseline);
}
