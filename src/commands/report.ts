import { resolve } from 'node:path';
import { type RawFlags, parseCategories, parseFormat, parseHunks } from '../cliOptions.js';
import { isColorWanted, outputWidth } from '../io/terminal.js';
import { writeAtomic } from '../io/writeAtomic.js';
import { writeStdout } from '../io/writeStdout.js';
import { CATEGORY_IDS } from '../model.js';
import { filterReport } from '../reporters/filterReport.js';
import { reporters } from '../reporters/index.js';
import { auditFromFlags } from './auditFromFlags.js';
import { sinceAppendix, sinceComparisons } from './sinceAppendix.js';

/** `forkdiff [refs...]`: audit, render, write; with --check, gate. Returns the exit code. */
export async function runReport(refs: readonly string[], flags: RawFlags, cwd: string): Promise<number> {
  const format = parseFormat(flags.format);
  const categories = parseCategories(flags.category);
  const hunks = parseHunks(flags.hunks);
  // Named on the command line, so its absence is a mistake to report before any fetching, not an empty baseline.
  if (flags.baseline !== undefined) {
    const { requireBaseline } = await import('../check/baseline.js'); // zod loads only when a baseline is in play
    await requireBaseline(resolve(cwd, flags.baseline), flags.baseline);
  }
  const { config, reports: audited, baselineFile } = await auditFromFlags(refs, flags, cwd);
  const reports = audited.map((report) => filterReport(report, categories));
  // Without the sync plan its findings are not looked for: earlier ones, and baseline entries, are neither resolved nor stale.
  const scope = flags.sync === false ? (categories ?? CATEGORY_IDS).filter((id) => id !== 'sync') : categories;
  const since = flags.since === undefined ? undefined : await sinceComparisons(flags.since, reports, scope);

  const isToFile = flags.output !== undefined;
  const reporter = await reporters[format]();
  // The comparisons feed the headline (and JSON's `since`); the appendix lists the findings.
  const options = { hunks, since, appendix: since === undefined ? undefined : sinceAppendix(since) };
  if (flags.output !== undefined) await writeAtomic(flags.output, reporter(reports, { ...options, isColor: false, width: 120 }));
  const terminal = { ...options, isColor: isColorWanted(flags.color, process.env), width: outputWidth(process.stdout, process.env) };
  if (flags.quiet) await writeStdout((await import('../reporters/quiet.js')).quietReporter(reports, terminal));
  else if (!isToFile) await writeStdout(reporter(reports, terminal));

  if (!flags.check) return 0;
  const isReportOnStdout = !isToFile && !flags.quiet && format !== 'table';
  const { runGate } = await import('./gate.js');
  return runGate({ reports, categories: scope, config, baselineFile, isReportOnStdout });
}
