import type { Report } from '../model.js';
import { defuseJsonCommands } from '../text/sanitize.js';
import { headline, sinceHeadline } from './headline.js';
import { jsonChunks } from './jsonChunks.js';
import type { ReporterOptions } from './options.js';

/**
 * The full model (`schema/report.schema.json`), led by its `headline`. One
 * ref gives one Report; several refs give `{ schemaVersion: 1, reports: [...] }`.
 */
export function* jsonReporter(reports: readonly Report[], options: ReporterOptions): Generator<string> {
  const led = reports.map((report, index) => {
    const comparison = options.since?.[index] ?? null;
    const { schemaVersion, ...rest } = report;
    const led = { schemaVersion, headline: headline(report, comparison ? sinceHeadline(comparison) : null), ...rest };
    // `--since`: the comparison itself, as data (null when the earlier file had no report for these refs).
    return options.since === undefined ? led : { ...led, since: comparison };
  });
  // Stream down to single files and findings: report.files[i] sits at depth 2, or 4 inside the envelope.
  const chunks = led.length === 1 ? jsonChunks(led[0], 2) : jsonChunks({ schemaVersion: 1, reports: led }, 4);
  // A string never spans two chunks, so each can be defused on its own.
  for (const chunk of chunks) yield defuseJsonCommands(chunk);
  yield '\n';
}
