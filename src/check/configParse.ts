import { ForkdiffError } from '../errors.js';
import { emptyConfig } from './configDefaults.js';
import { formatConfigIssue } from './configErrors.js';
import { configSchema } from './configSchema.js';
import type { Config } from './configSchema.js';
import { parseConfigYaml } from './configYaml.js';

/**
 * Parse and validate config text. `file` is how the file is named in errors;
 * `source` is its absolute path (baseline paths resolve against its folder).
 */
export function parseConfig(text: string, file: string, source: string | null = null): Config {
  const raw = parseConfigYaml(text, file);
  // An empty file (or one with only comments) is an empty config.
  if (raw === null || raw === undefined) return emptyConfig(source);
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new ForkdiffError(issue ? formatConfigIssue(file, issue, raw) : `${file}: invalid config`);
  }
  return { ...result.data, source };
}
