import { appendFile } from 'node:fs/promises';
import { ForkdiffError } from '../errors.js';
import { showUnsafe, toSingleLine } from '../text/sanitize.js';
import type { Finding } from '../model.js';
import { forkLine, upstreamLineNote } from './findingLocation.js';

/**
 * GitHub Actions workflow commands: annotations and the job summary.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */

type Env = Readonly<Record<string, string | undefined>>;

export const isGithubActions = (env: Env): boolean => env.GITHUB_ACTIONS === 'true';

/** A command's message: the runner decodes `%25`, `%0D`, `%0A`. */
export const escapeCommandData = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A command's property value: also `:` and `,`, which would end the property early. */
export const escapeCommandProperty = (text: string): string =>
  escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * `::error file=…,line=…,title=forkdiff <category>::<message>`, one line per
 * unexpected finding; `line=` only for a line of the fork's file, which is
 * what the pull request shows (an upstream line is named in the message).
 * Line breaks and invisible characters are shown as escapes
 * (`ci\rx/Dockerfile`), never passed on: the runner would decode a `%0D`
 * back into a CR and point at a file that reads like another.
 */
export function githubAnnotations(unexpected: readonly Finding[], warnings: readonly string[] = []): string {
  const lines = unexpected.map((finding) => {
    // A property cannot start a command (`:` is escaped there), so the path stays exactly as git names it.
    const file = escapeCommandProperty(showUnsafe(finding.path));
    const line = forkLine(finding);
    const title = escapeCommandProperty(`forkdiff ${finding.category}`);
    const note = upstreamLineNote(finding);
    const message = note === null ? finding.message : `${finding.message} ${note}`;
    return `::error file=${file}${line === null ? '' : `,line=${line}`},title=${title}::${escapeCommandData(toSingleLine(message))}`;
  });
  for (const warning of warnings) lines.push(`::warning title=forkdiff::${escapeCommandData(toSingleLine(warning))}`);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** Append markdown to the job summary when `$GITHUB_STEP_SUMMARY` names a file; true if written. */
export async function appendStepSummary(markdown: string, env: Env): Promise<boolean> {
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (!summaryFile) return false;
  const text = markdown.endsWith('\n') ? markdown : `${markdown}\n`;
  try {
    await appendFile(summaryFile, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ForkdiffError(`cannot write the GitHub job summary to ${summaryFile}: ${reason}`);
  }
  return true;
}
