import { type Config, baselinePath, loadConfig } from '../check/config.js';
import type { RawFlags } from '../cliOptions.js';
import { ForkdiffError } from '../errors.js';
import { findRepoRoot } from '../git/repoRoot.js';
import type { Report } from '../model.js';

export interface AuditResult {
  config: Config;
  reports: Report[];
  /** `--baseline` relative to cwd, else the config's, relative to the config file or the repo root. */
  baselineFile: string;
}

/** Flags, then the config file, then defaults: what to audit, and the reports. */
export async function auditFromFlags(refs: readonly string[], flags: RawFlags, cwd: string): Promise<AuditResult> {
  // A fork keeps .forkdiff.yml at its root, wherever in the clone forkdiff runs.
  const configDirectory = flags.diffFile === undefined && flags.config === undefined ? ((await findRepoRoot(cwd)) ?? cwd) : cwd;
  const config = await loadConfig(flags.config, configDirectory);
  const baselineFile = flags.baseline === undefined ? baselinePath(config, undefined, configDirectory) : baselinePath(config, flags.baseline, cwd);
  // --quiet shows the totals and the verdict, so no progress either.
  const common = { extraGlobs: config.categories, ignore: config.ignore, isProgress: flags.progress && !flags.quiet };
  if (flags.diffFile !== undefined) {
    if (flags.forkRev !== undefined) throw new ForkdiffError('--fork-rev needs git mode: give a ref instead of --diff-file');
    if (refs.length > 0) throw new ForkdiffError('give either refs (git mode) or --diff-file, not both');
    const { auditDiffFile } = await import('../audit/audit.js');
    const report = await auditDiffFile({ ...common, diffFile: flags.diffFile, srcPrefix: flags.srcPrefix, dstPrefix: flags.dstPrefix });
    return { config, reports: [report], baselineFile };
  }
  const wanted = refs.length > 0 ? refs : config.refs;
  if (wanted.length === 0) {
    throw new ForkdiffError('name a ref to audit (e.g. forkdiff v0.11, or refs: in .forkdiff.yml), or pass --diff-file PATH');
  }
  if (flags.forkRev !== undefined && wanted.length > 1) {
    throw new ForkdiffError(`--fork-rev audits one commit against one upstream ref, but ${wanted.length} refs were given (${wanted.join(', ')}): name one`);
  }
  // Loaded here, not at the top: git mode's modules (simple-git among them)
  // cost a saved-diff run about 10 MB of memory it would never use.
  const { auditGitRef } = await import('../audit/auditGitRef.js');
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
        forkRev: flags.forkRev,
        sync: flags.sync,
      }),
    );
  }
  return { config, reports, baselineFile };
}
