import type { Report } from '../model.js';
import { jsonChunks } from './jsonChunks.js';
import type { ReporterOptions } from './options.js';

/**
 * The full model (`schema/report.schema.json`). One ref gives one Report;
 * several refs give `{ schemaVersion: 1, reports: [...] }`.
 */
export function* jsonReporter(reports: readonly Report[], _options: ReporterOptions): Generator<string> {
  // Stream down to single files and findings: report.files[i] sits at depth 2, or 4 inside the envelope.
  if (reports.length === 1) yield* jsonChunks(reports[0], 2);
  else yield* jsonChunks({ schemaVersion: 1, reports }, 4);
  yield '\n';
}
