import type { Report } from '../model.js';
import { jsonChunks } from './jsonChunks.js';
import type { ReporterOptions } from './options.js';

/**
 * The full model (`schema/report.schema.json`). One ref gives one Report;
 * several refs give `{ schemaVersion: 1, reports: [...] }`.
 */
export function* jsonReporter(reports: readonly Report[], _options: ReporterOptions): Generator<string> {
  const document = reports.length === 1 ? reports[0] : { schemaVersion: 1, reports };
  yield* jsonChunks(document);
  yield '\n';
}
