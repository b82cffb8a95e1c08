/**
 * Reports forkdiff writes into the repository it audits (the nightly
 * `drift.v0.11.md`, committed to the fork) must not be audited as the fork's
 * own drift the next night, on whatever machine runs it. So a report is
 * recognised by its content, which travels with the commit: markdown carries
 * a marker line; JSON, SARIF and the table start in a shape only forkdiff writes.
 */

/** The first line of a markdown report: an HTML comment, so GitHub shows nothing. */
export const REPORT_MARKER = '<!-- forkdiff report: forkdiff leaves this file out of its audits -->';

/** How many leading lines `isOwnReport` needs. */
export const OWN_REPORT_LINES = 10;

/** `--format json`: one report (led by its headline), or the envelope of several (see reporters/json.ts). */
const isJsonReport = (lines: readonly string[]): boolean =>
  lines[0] === '{' && lines[1] === '  "schemaVersion": 1,' && /^ {2}"(headline|mode|reports)": /.test(lines[2] ?? '');

/** `--format sarif`: the SARIF header, then the tool's name (see reporters/sarif). */
const isSarifReport = (lines: readonly string[]): boolean =>
  lines[0] === '{' && /^ {2}"\$schema": ".*sarif/.test(lines[1] ?? '') && lines.some((line) => line.trim() === '"name": "forkdiff",');

/** `--format table` written to a file: it opens with `forkdiff  upstream/REF → fork/REF`. */
const isTableReport = (lines: readonly string[]): boolean => /^forkdiff {2}\S.* → \S/.test(lines[0] ?? '');

/** True when these first lines of a file (at most `OWN_REPORT_LINES`) are those of a report forkdiff wrote. */
export function isOwnReport(lines: readonly string[]): boolean {
  return lines.slice(0, 3).some((line) => line.trim() === REPORT_MARKER) || isJsonReport(lines) || isSarifReport(lines) || isTableReport(lines);
}
