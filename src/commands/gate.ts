import { loadBaseline } from '../check/baseline.js';
import { checkReports, exitCode } from '../check/check.js';
import type { Config } from '../check/config.js';
import { formatCheckMarkdown } from '../check/formatMarkdown.js';
import { formatCheckText } from '../check/formatText.js';
import type { CategoryId, Report } from '../model.js';
import { appendStepSummary, githubAnnotations, isGithubActions } from '../reporters/github.js';

export interface GateInput {
  /** The reports as shown: already narrowed to `categories`. */
  reports: readonly Report[];
  categories: readonly CategoryId[] | null;
  config: Config;
  baselineFile: string;
  /** True when stdout carries a JSON or markdown report that workflow commands would corrupt. */
  isReportOnStdout: boolean;
}

/** `--check`: the verdict on stderr (and, in GitHub Actions, annotations and the job summary); returns the exit code. */
export async function runGate(input: GateInput): Promise<number> {
  const result = checkReports(input.reports, input.config, await loadBaseline(input.baselineFile), input.categories);
  process.stderr.write(formatCheckText(result));
  if (isGithubActions(process.env)) {
    // The runner reads workflow commands from stdout, and from stderr too when stdout holds the report.
    (input.isReportOnStdout ? process.stderr : process.stdout).write(githubAnnotations(result.unexpected, result.warnings));
    await appendStepSummary(formatCheckMarkdown(result), process.env);
  }
  return exitCode(result, true);
}
