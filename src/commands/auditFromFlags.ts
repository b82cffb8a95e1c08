import { auditDiffFile } from '../audit/audit.js';
import { auditGitRef } from '../audit/auditGitRef.js';
import { type Config, loadConfig } from '../check/config.js';
import type { RawFlags } from '../cliOptions.js';
import { ForkdiffError } from '../errors.js';
import type { Report } from '../model.js';

/** Flags, then the config file, then defaults: what to audit, and the reports. */
export async function auditFromFlags(refs: readonly string[], flags: RawFlags, cwd: string): Promise<{ config: Config; reports: Report[] }> {
  const config = await loadConfig(flags.config, cwd);
  const common = { extraGlobs: config.categories, ignore: config.ignore };
  if (flags.diffFile !== undefined) {
    if (refs.length > 0) throw new ForkdiffError('give either refs (git mode) or --diff-file, not both');
    const report = await auditDiffFile({ ...common, diffFile: flags.diffFile, srcPrefix: flags.srcPrefix, dstPrefix: flags.dstPrefix });
    return { config, reports: [report] };
  }
  const wanted = refs.length > 0 ? refs : config.refs;
  if (wanted.length === 0) {
    throw new ForkdiffError('name a ref to audit (e.g. forkdiff v0.11, or refs: in .forkdiff.yml), or pass --diff-file PATH');
  }
  const reports: Report[] = [];
  for (const ref of wanted) {
    reports.push(
      await auditGitRef({
        ...common,
        cwd,
        ref,
        upstream: flags.upstream ?? config.upstream ?? 'upstream',
        origin: flags.origin ?? config.origin ?? 'origin',
        fetch: flags.fetch,
      }),
    );
  }
  return { config, reports };
}
