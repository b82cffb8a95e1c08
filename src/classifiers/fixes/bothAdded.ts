// A file both sides added since the merge base: neither side's lines are a fix to code the other had.
import type { FileDiff, Finding } from '../../model.js';
import type { ClassifyContext } from '../define.js';
import { withoutFindings } from './withoutFindings.js';

/** A finding that rests on its commit's subject alone: its lines have no fix shape of their own. */
const isSubjectOnly = (finding: Finding): boolean => {
  const signals = finding.details['signals'];
  return Array.isArray(signals) && signals.length === 1 && signals[0] === 'fix-commit';
};

/**
 * Leaves out the findings that rest on a fix commit's subject alone in a
 * file the merge base did not have and whose every upstream line one commit
 * wrote: that commit created the file, it fixed nothing the fork had. searx
 * picked searxng's engines back ("pick engine fixes (#3306)"): its older
 * copy of lingva.py read as fixes the fork lacked (`about = {`,
 * `categories = ["general"]`). Lines with a shape of their own (a nil check)
 * stay, and so does a file upstream changed again after it wrote it (LXD's
 * copy of project permissions, fixed later: incus lacks those fixes). Asked
 * of the merge base only when such a finding exists, in git mode; the hunk
 * keeps no category for a finding it loses.
 */
export async function withoutBothAddedSubjectOnly(findings: Finding[], file: FileDiff, context: ClassifyContext): Promise<Finding[]> {
  if (context.mode !== 'git' || !findings.some(isSubjectOnly)) return findings;
  const lines = context.linesOf(file);
  const writers = new Set([...(lines?.upstream.values() ?? [])].flatMap((fact) => fact.commits));
  // Both sides wrote lines of it: each its own copy.
  if (writers.size !== 1 || (lines?.fork.size ?? 0) === 0) return findings;
  const paths = [...new Set([file.path, file.oldPath ?? file.path])];
  for (const path of paths) if ((await context.readFile('base', path)) !== null) return findings;
  return withoutFindings(findings, new Set(findings.filter((finding) => isSubjectOnly(finding) && finding.commits.every((sha) => writers.has(sha)))), file);
}
