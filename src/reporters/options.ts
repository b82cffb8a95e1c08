import type { SinceComparison } from '../check/since.js';

/**
 * Which hunks markdown and HTML print in full: `fork` (the default) prints
 * fork-side and both-side hunks and summarises upstream-only ones by commit;
 * `all` prints every hunk; `none` prints no hunk text.
 */
export const HUNKS_MODES = ['fork', 'all', 'none'] as const;
export type HunksMode = (typeof HUNKS_MODES)[number];

export interface ReporterOptions {
  /** ANSI colour; off for NO_COLOR, --no-color and non-TTY output. */
  isColor: boolean;
  /** Terminal columns the table reporter fits into. */
  width: number;
  /** `--hunks`; `fork` when not given. */
  hunks?: HunksMode;
  /** `--since`: per report (same index), what changed since the earlier report, or null when it had none for that ref. */
  since?: readonly (SinceComparison | null)[];
  /** Extra markdown sections appended per report (e.g. check results, changes since a previous report). */
  appendix?: (reportIndex: number, format: 'markdown' | 'table') => string | null;
}
