import { OWN_REPORT_LINES, isOwnReport } from '../ownReport.js';
import type { Repo } from './repo.js';
import { showFile } from './showFile.js';

// A nightly job adds one commit per change of drift; more than this on top of the fork's own work is not that.
const MAX_REPORT_COMMITS = 32;

export interface AuditedTip {
  /** The commit audited as the fork side. */
  sha: string;
  /** Commits above it that only update forkdiff reports (0 when the tip itself is audited). */
  skipped: number;
}

const firstLines = (text: string): string[] => text.split('\n', OWN_REPORT_LINES).map((line) => line.replace(/\r$/, ''));

/** The first parent, or null for a root commit. */
const parentOf = (repo: Repo, sha: string): Promise<string | null> =>
  repo.git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${sha}^1`]).then((output) => output.trim() || null, () => null);

/** True when every file the commit changes (against its first parent) is a forkdiff report, before or after. */
async function isReportOnlyCommit(repo: Repo, sha: string, parent: string): Promise<boolean> {
  const paths = (await repo.git.raw(['diff-tree', '-r', '--name-only', '--no-commit-id', '-z', parent, sha])).split('\0').filter((path) => path !== '');
  if (paths.length === 0) return false;
  for (const path of paths) {
    const content = (await showFile(repo, sha, path)) ?? (await showFile(repo, parent, path));
    if (content === null || !isOwnReport(firstLines(content))) return false;
  }
  return true;
}

/**
 * A nightly job that commits its report to the branch it audits moves that
 * branch's tip every time. Auditing the tip would name a new commit in every
 * report, and so commit again every night; the commits below the report-only
 * ones hold the same drift, so the newest of them is audited instead.
 */
export async function auditedTip(repo: Repo, tip: string): Promise<AuditedTip> {
  let sha = tip;
  for (let skipped = 0; skipped < MAX_REPORT_COMMITS; skipped += 1) {
    const parent = await parentOf(repo, sha);
    if (parent === null || !(await isReportOnlyCommit(repo, sha, parent))) return { sha, skipped };
    sha = parent;
  }
  return { sha: tip, skipped: 0 };
}
