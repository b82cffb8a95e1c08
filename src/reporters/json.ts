import type { Report } from '../model.js';
import type { ReporterOptions } from './options.js';

/**
 * The full model (`schema/report.schema.json`). One ref gives one Report;
 * several refs give `{ schemaVersion: 1, reports: [...] }`.
 */
export function jsonReporter(reports: readonly Report[], _options: ReporterOptions): string {
  const document = reports.length === 1 ? reports[0] : { schemaVersion: 1, reports };
  return `${JSON.stringify(document, null, 2)}\n`;
}
