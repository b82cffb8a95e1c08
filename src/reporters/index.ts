import type { Report } from '../model.js';
import { htmlReporter } from './html/html.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown/markdown.js';
import type { ReporterOptions } from './options.js';
import { tableReporter } from './table/table.js';

export const FORMATS = ['table', 'markdown', 'json', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** A report as a stream of text chunks, so a huge one is never one string in memory. */
export type Reporter = (reports: readonly Report[], options: ReporterOptions) => Iterable<string>;

/** Format name → reporter; all share one signature. */
export const reporters = {
  table: tableReporter,
  markdown: markdownReporter,
  json: jsonReporter,
  html: htmlReporter,
} as const satisfies Record<Format, Reporter>;
