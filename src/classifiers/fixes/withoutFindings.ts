import type { FileDiff, Finding } from '../../model.js';

/**
 * `findings` but those in `dropped`; the hunks those came from lose the
 * reverted-fixes category (a hunk gives one finding at most, matched by its
 * header).
 */
export function withoutFindings(findings: readonly Finding[], dropped: ReadonlySet<Finding>, file: FileDiff): Finding[] {
  if (dropped.size === 0) return [...findings];
  for (const hunk of file.hunks) {
    if (findings.some((finding) => dropped.has(finding) && finding.details['hunk'] === hunk.header)) hunk.categories = hunk.categories.filter((category) => category !== 'reverted-fixes');
  }
  return findings.filter((finding) => !dropped.has(finding));
}
