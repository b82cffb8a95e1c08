import { buildBaseline, writeBaseline } from '../check/baseline.js';
import { baselinePath } from '../check/config.js';
import type { RawFlags } from '../cliOptions.js';
import { auditFromFlags } from './auditFromFlags.js';

/** `forkdiff baseline [refs...]`: accept every current finding, written sorted and diff-friendly. */
export async function runBaseline(refs: readonly string[], flags: RawFlags, cwd: string): Promise<number> {
  const { config, reports } = await auditFromFlags(refs, flags, cwd);
  const baseline = buildBaseline(reports);
  const path = baselinePath(config, flags.baseline, cwd);
  await writeBaseline(path, baseline);
  process.stderr.write(`forkdiff: wrote ${baseline.accepted.length} accepted findings to ${path}\n`);
  return 0;
}
