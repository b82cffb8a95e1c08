import { REPORT_MARKER } from '../ownReport.js';
import type { Reporter } from './index.js';

/** A text report that starts with forkdiff's marker line, so a later audit of the repository it is committed to leaves it out. */
export const withReportMarker =
  (reporter: Reporter): Reporter =>
  function* (reports, options) {
    yield `${REPORT_MARKER}\n`;
    yield* reporter(reports, options);
  };
