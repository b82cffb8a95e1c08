import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { ForkdiffError } from '../errors.js';
import { FileTooLargeError, formatBytes, readBoundedText } from '../io/readBounded.js';
import { emptyConfig } from './configDefaults.js';
import type { Config } from './configSchema.js';

export type { Config, ExpectRule } from './configSchema.js';
export type { DependencyDirection } from './configDefaults.js';
export { DEPENDENCY_DIRECTIONS, DEFAULT_BASELINE } from './configDefaults.js';

export const DEFAULT_CONFIG_FILE = '.forkdiff.yml';

/**
 * A config declares expected drift as rules and globs: a few KB, tens at
 * most. Past this it is the wrong file, or an attack on the parser (see
 * configYaml.ts), and is refused before it is read.
 */
export const MAX_CONFIG_BYTES = 256 * 1024;

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
    text = await readBoundedText(absolute, MAX_CONFIG_BYTES);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      throw new ForkdiffError(
        `${shownName}: config file is ${formatBytes(error.size)}, more than the ${formatBytes(MAX_CONFIG_BYTES)} a config may be (is it the right file?)`,
      );
    }
    if (isNotFound(error) && !isExplicit) return emptyConfig(null);
    if (isNotFound(error)) throw new ForkdiffError(`${shownName}: config file not found (check --config)`);
    const reason = error instanceof Error ? error.message : String(error);
    throw new ForkdiffError(`${shownName}: cannot read config file: ${reason}`);
  }
  // zod and the YAML parser load only when there is a config to read.
  const { parseConfig } = await import('./configParse.js');
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
