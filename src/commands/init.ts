import { writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE } from '../check/config.js';
import { renderStarterConfig, starterSettings } from '../check/starterConfig.js';
import type { RawFlags } from '../cliOptions.js';
import { ForkdiffError } from '../errors.js';
import { readRepoLayout } from '../git/repoLayout.js';

/** `forkdiff init [refs...]`: a starter `.forkdiff.yml` at the clone's root (or `--config PATH`); never overwrites. */
export async function runInit(refs: readonly string[], flags: RawFlags, cwd: string): Promise<number> {
  const layout = await readRepoLayout(cwd);
  const path = flags.config === undefined ? resolve(layout.root, DEFAULT_CONFIG_FILE) : resolve(cwd, flags.config);
  const shown = relative(cwd, path) || path;
  const settings = starterSettings(layout, { refs, upstream: flags.upstream, origin: flags.origin, baseline: flags.baseline });
  try {
    // `wx`: created here or not at all, so an existing config is never replaced, even by a race.
    await writeFile(path, renderStarterConfig(settings), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new ForkdiffError(`${shown} already exists: edit it, or move it away to start again`);
    if (code === 'ENOENT') throw new ForkdiffError(`cannot write ${shown}: its folder does not exist (create it first)`);
    throw new ForkdiffError(`cannot write ${shown}: ${(error as Error).message}`);
  }
  const refsText = settings.refs.length === 0 ? 'no refs yet' : `refs ${settings.refs.join(', ')}`;
  process.stderr.write(`forkdiff: wrote ${shown} (upstream ${settings.upstream ?? '?'}, origin ${settings.origin ?? '?'}, ${refsText})\n`);
  for (const note of settings.notes) process.stderr.write(`forkdiff: ${note}\n`);
  return 0;
}
