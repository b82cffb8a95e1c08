import type { Finding } from '../../model.js';
import { appendTo } from '../../multiMap.js';
import { plural } from '../../text/plural.js';
import { createFinding } from '../common/finding.js';
import { describePresence } from '../common/wording.js';

/** The Zuul config directory at the root (`zuul.d` or `.zuul.d`) a path is in, or null. */
export const zuulDirectoryOf = (path: string): string | null => /^(\.?zuul\.d)\//.exec(path)?.[1] ?? null;

/** Whether a finding says a whole file of a Zuul config directory is on one side only. */
export const isZuulFilePresence = (finding: Finding): boolean =>
  (finding.kind === 'workflow-added' || finding.kind === 'workflow-removed') && zuulDirectoryOf(finding.path) !== null;

/**
 * A Zuul config directory holds fragments of one configuration (jobs,
 * nodesets, the project's pipelines), not a workflow per file, so the files
 * one side alone has are one row per directory, side and direction, naming
 * them in `details.files`. OpenStack's kolla moved `.zuul.d/` to `zuul.d/`
 * and rewrote it; stackhpc's fork read as 25 rows, one per fragment. A
 * directory with one such file keeps that file's own row.
 */
export function groupZuulFiles(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) appendTo(groups, `${finding.kind}\0${finding.side ?? ''}\0${zuulDirectoryOf(finding.path) ?? ''}`, finding);
  return [...groups.values()].flatMap((group) => {
    const [first] = group;
    const directory = first ? zuulDirectoryOf(first.path) : null;
    if (!first || directory === null || group.length === 1) return group;
    const files = group.map((finding) => finding.path).sort();
    const thing = `Zuul config ${directory}/ (${plural(files.length, 'file')})`;
    const presentIn = first.kind === 'workflow-added' ? 'fork' : 'upstream';
    return [createFinding({
      category: 'workflow', kind: first.kind, path: directory,
      message: describePresence({ thing, presentIn, side: first.side }),
      identity: [directory], side: first.side, confidence: first.confidence,
      commits: [...new Set(group.flatMap((finding) => finding.commits))],
      details: { files },
    })];
  });
}
