import type { Finding } from '../model.js';
import { toSingleLine } from '../text/sanitize.js';

/** `category  path  message  [fingerprint]`: one terminal-safe line per finding, easy to grep. */
export const findingTextLine = (finding: Finding): string =>
  [finding.category, finding.path, finding.message, `[${finding.fingerprint}]`].map(toSingleLine).join('  ');
