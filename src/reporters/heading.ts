import type { Report } from '../model.js';
import { shortSha } from './view.js';

/**
 * `upstream/v0.11 → origin/v0.11`, or a plain label when the refs are
 * unknown. A revision of this clone (`--fork-rev`, git's remote `.`) is named
 * as it was given: `HEAD`, `origin/release-4.18`, not `./HEAD`.
 */
export function reportTitle(report: Report): string {
  const name = (side: Report['upstream'], fallback: string): string => (side ? (side.remote === '.' ? side.ref : `${side.remote}/${side.ref}`) : fallback);
  return `${name(report.upstream, 'upstream')} → ${name(report.fork, 'fork')}`;
}

/** One line on where the data came from: history and merge base, or diff-file mode. */
export function provenance(report: Report): string {
  if (report.mode === 'diff-file') return 'from a saved diff (no history: sides and commits unavailable)';
  const tips = `upstream ${shortSha(report.upstream?.sha ?? null)}, fork ${shortSha(report.fork?.sha ?? null)}`;
  return report.mergeBase ? `${tips}, merge base ${shortSha(report.mergeBase)}` : `${tips}, no merge base (two-tip mode)`;
}
