import { type CheckResult, checkReports, exitCode } from '../check/check.js';
import { loadBaseline } from '../check/baseline.js';
import { formatCheckMarkdown } from '../check/formatMarkdown.js';
import { formatCheckText } from '../check/formatText.js';
import { type RawFlags, parseCategories, parseFormat, parseHunks } from '../cliOptions.js';
import { isColorWanted, outputWidth } from '../io/terminal.js';
import { writeAtomic } from '../io/writeAtomic.js';
import { writeStdout } from '../io/writeStdout.js';
import { appendStepSummary, githubAnnotations, isGithubActions } from '../reporters/github.js';
import { filterReport } from '../reporters/filterReport.js';
import { reporters } from '../reporters/index.js';
import { auditFromFlags } from './auditFromFlags.js';
import { sinceAppendix } from './sinceAppendix.js';

/** `forkdiff [refs...]`: audit, render, write; with --check, gate. Returns the exit code. */
export async function runReport(refs: readonly string[], flags: RawFlags, cwd: string): Promise<number> {
  const format = parseFormat(flags.format);
  const categories = parseCategories(flags.category);
  const hunks = parseHunks(flags.hunks);
  const { config, reports, baselineFile } = await auditFromFlags(refs, flags, cwd);
  const since = flags.since === undefined ? undefined : await sinceAppendix(flags.since, reports);
  const isToFile = flags.output !== undefined;
  const reporter = await reporters[format]();
  const chunks = reporter(reports.map((report) => filterReport(report, categories)), {
    isColor: !isToFile && isColorWanted(process.stdout, flags.color, process.env),
    width: isToFile ? 120 : outputWidth(process.stdout, process.env),
    hunks,
    since: since?.comparisons,
    appendix: since?.appendix,
  });
  if (flags.output !== undefined) await writeAtomic(flags.output, chunks);
  else await writeStdout(chunks);
  if (!flags.check) return 0;
  const result: CheckResult = checkReports(reports, config, await loadBaseline(baselineFile));
  process.stderr.write(formatCheckText(result));
  if (isGithubActions(process.env)) {
    // The runner reads workflow commands from stdout, unless that would corrupt a JSON or markdown report there.
    const isReportOnStdout = !isToFile && format !== 'table';
    (isReportOnStdout ? process.stderr : process.stdout).write(githubAnnotations(result.unexpected, result.warnings));
    await appendStepSummary(formatCheckMarkdown(result), process.env);
  }
  return exitCode(result, true);
}
