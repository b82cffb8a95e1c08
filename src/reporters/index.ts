import type { Report } from '../model.js';
import type { Format } from './formats.js';
import type { ReporterOptions } from './options.js';

export { FORMATS, type Format } from './formats.js';

/** A report as a stream of text chunks, so a huge one is never one string in memory. */
export type Reporter = (reports: readonly Report[], options: ReporterOptions) => Iterable<string>;

/**
 * Format name → reporter; all share one signature. Each is loaded when asked
 * for: a run renders one format and need not load (or start up with) the others.
 */
export const reporters = {
  table: async () => (await import('./table/table.js')).tableReporter,
  markdown: async () => (await import('./ownReportMarker.js')).withReportMarker((await import('./markdown/markdown.js')).markdownReporter),
  json: async () => (await import('./json.js')).jsonReporter,
  html: async () => (await import('./html/html.js')).htmlReporter,
  sarif: async () => (await import('./sarif/sarif.js')).sarifReporter,
} as const satisfies Record<Format, () => Promise<Reporter>>;
