import { OWN_REPORT_LINES, isOwnReport } from '../ownReport.js';
import type { BlobReader } from './blobReader.js';
import type { Repo } from './repo.js';

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

/** Is this file, as the commit has it (or as its parent had it, when the commit deleted it), a forkdiff report? */
const areReports = async (blobReader: BlobReader, sha: string, paths: readonly string[]): Promise<boolean> => {
  const blobs = await blobReader.readAll(paths.flatMap((path) => [`${sha}:${path}`, `${sha}^1:${path}`]));
  return paths.every((_, index) => {
    const blob = blobs[2 * index] ?? blobs[2 * index + 1];
    return blob !== null && blob !== undefined && isOwnReport(firstLines(blob.toString('utf8')));
  });
};

/**
 * True when every file the commit changes against its parent is a forkdiff
 * report, before or after. A root commit or a merge (one-argument
 * `diff-tree` lists nothing for either) is never report-only. The tip of
 * almost every run is not: that answer costs one `diff-tree` and a read of
 * the first path (through the run's long-lived `cat-file --batch`), which sit
 * before every other git process of the run.
 */
async function isReportOnlyCommit(repo: Repo, blobReader: BlobReader, sha: string): Promise<boolean> {
  const paths = (await repo.git.raw(['diff-tree', '-r', '--name-only', '--no-commit-id', '-z', sha])).split('\0').filter((path) => path !== '');
  const [first, ...rest] = paths;
  if (first === undefined || !(await areReports(blobReader, sha, [first]))) return false;
  return rest.length === 0 || areReports(blobReader, sha, rest);
}

/**
 * A nightly job that commits its report to the branch it audits moves that
 * branch's tip every time. Auditing the tip would name a new commit in every
 * report, and so commit again every night; the commits below the report-only
 * ones hold the same drift, so the newest of them is audited instead.
 */
export async function auditedTip(repo: Repo, blobReader: BlobReader, tip: string): Promise<AuditedTip> {
  let sha = tip;
  for (let skipped = 0; skipped < MAX_REPORT_COMMITS; skipped += 1) {
    if (!(await isReportOnlyCommit(repo, blobReader, sha))) return { sha, skipped };
    const parent = await parentOf(repo, sha);
    if (parent === null) return { sha, skipped };
    sha = parent;
  }
  return { sha: tip, skipped: 0 };
}
