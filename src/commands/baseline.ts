import { buildBaseline, writeBaseline } from '../check/baseline.js';
import type { RawFlags } from '../cliOptions.js';
import { auditFromFlags } from './auditFromFlags.js';

/** `forkdiff baseline [refs...]`: accept every current finding, written sorted and diff-friendly. */
export async function runBaseline(refs: readonly string[], flags: RawFlags, cwd: string): Promise<number> {
  const { reports, baselineFile } = await auditFromFlags(refs, flags, cwd);
  const baseline = buildBaseline(reports);
  await writeBaseline(baselineFile, baseline);
  process.stderr.write(`forkdiff: wrote ${baseline.accepted.length} accepted findings to ${baselineFile}\n`);
  return 0;
}
