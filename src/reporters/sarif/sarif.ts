import type { Report } from '../../model.js';
import { defuseJsonCommands } from '../../text/sanitize.js';
import { reportTitle } from '../heading.js';
import { jsonChunks } from '../jsonChunks.js';
import type { ReporterOptions } from '../options.js';
import { UPSTREAM_BASE, sarifResult } from './sarifResult.js';
import { sarifRules } from './sarifRules.js';

/**
 * `--format sarif`: SARIF 2.1.0 for code scanning
 * (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), one run
 * per ref and one result per finding. Deterministic, like the JSON report.
 * Its first lines are what `isOwnReport` recognises: keep `$schema` first and
 * the tool's name early.
 */
export function* sarifReporter(reports: readonly Report[], _options: ReporterOptions): Generator<string> {
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: reports.map(sarifRun),
  };
  // Streams result by result: runs[i].results[j] sits at depth 4. A string never spans two chunks.
  for (const chunk of jsonChunks(log, 4)) yield defuseJsonCommands(chunk);
  yield '\n';
}

function sarifRun(report: Report) {
  const { rules, indexOf } = sarifRules(report.findings);
  const hasUpstreamLines = report.findings.some((finding) => finding.lineIn === 'upstream' && finding.line !== null);
  const ref = report.upstream?.ref ?? report.fork?.ref ?? null;
  return {
    tool: { driver: { name: 'forkdiff', rules } },
    // Code scanning keeps one set of alerts per category: one per audited ref.
    automationDetails: { id: ref === null ? 'forkdiff/' : `forkdiff/${ref}/` },
    ...(hasUpstreamLines
      ? { originalUriBaseIds: { [UPSTREAM_BASE]: { description: { text: `upstream's tree (${reportTitle(report).split(' → ')[0]} at ${report.upstream?.sha ?? 'unknown'})` } } } }
      : {}),
    results: report.findings.map((finding) => sarifResult(finding, indexOf.get(`${finding.category}/${finding.kind}`) ?? 0)),
    properties: { upstream: report.upstream, fork: report.fork, mergeBase: report.mergeBase, notices: report.notices },
  };
}
