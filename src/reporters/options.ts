export interface ReporterOptions {
  /** ANSI colour; off for NO_COLOR, --no-color and non-TTY output. */
  isColor: boolean;
  /** Terminal columns the table reporter fits into. */
  width: number;
  /** Extra markdown sections appended per report (e.g. check results, changes since a previous report). */
  appendix?: (reportIndex: number, format: 'markdown' | 'table') => string | null;
}

