import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ForkdiffError } from '../errors.js';
import { CATEGORY_IDS, SIDES } from '../model.js';
import type { Finding, Report } from '../model.js';
import { compareFindings } from '../findingOrder.js';
import { compareSync, previousSyncSchema } from './sinceSync.js';
import type { PreviousSync, SyncChange } from './sinceSync.js';

/** What `--since` needs from an earlier `--format json` report. */
export interface PreviousReport {
  upstreamRef: string | null;
  forkRef: string | null;
  findings: Finding[];
  sync: PreviousSync;
  /** Shas of the upstream commits the fork lacked then; null for a saved diff's report. */
  missingCommits: string[] | null;
}

export interface SinceComparison {
  /** In the current report, not in the previous one. */
  newFindings: Finding[];
  /** In the previous report, gone now. */
  resolvedFindings: Finding[];
  unchanged: number;
  /** Picks and merge conflicts that changed; null without a plan on both sides. */
  sync: SyncChange | null;
  /** Missing upstream commits then and now; null unless both reports have commit lists. */
  missingCommits: { before: number; now: number; newlyMissing: number; taken: number } | null;
}

// Minimal on purpose: only what the comparison reads, so older or richer reports still load.
const findingSchema = z.object({
  category: z.enum(CATEGORY_IDS),
  kind: z.string(),
  path: z.string(),
  message: z.string(),
  fingerprint: z.string().min(1),
  side: z.enum(SIDES).nullable().default(null),
  confidence: z.enum(['high', 'medium', 'low']).default('medium'),
  commits: z.array(z.string()).default([]),
  line: z.number().int().nullable().default(null),
  lineIn: z.enum(['fork', 'upstream']).nullable().default(null),
  details: z.record(z.string(), z.unknown()).default({}),
});
const refSchema = z.object({ ref: z.string() }).nullable().default(null);
const reportSchema = z.object({
  schemaVersion: z.literal(1),
  upstream: refSchema,
  fork: refSchema,
  findings: z.array(findingSchema),
  sync: previousSyncSchema,
  commits: z.object({ missingFromFork: z.array(z.object({ sha: z.string() })) }).nullable().default(null),
});
// One ref gives a report; several refs may give a list, or an envelope with `reports`.
const fileSchema = z.union([
  reportSchema.transform((report) => [report]),
  z.array(reportSchema).min(1),
  z.object({ reports: z.array(reportSchema).min(1) }).transform((envelope) => envelope.reports),
]);

/** Parse an earlier JSON report; `file` names it in the one-line error. */
export function parsePreviousReports(text: string, file: string): PreviousReport[] {
  const notAReport = `${file}: not a forkdiff JSON report (schemaVersion 1): write one with --format json`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ForkdiffError(notAReport);
  }
  const result = fileSchema.safeParse(raw);
  if (!result.success) throw new ForkdiffError(notAReport);
  return result.data.map((report) => ({
    upstreamRef: report.upstream?.ref ?? null,
    forkRef: report.fork?.ref ?? null,
    findings: report.findings,
    sync: report.sync,
    missingCommits: report.commits ? report.commits.missingFromFork.map((commit) => commit.sha) : null,
  }));
}

/** Read `--since FILE`; a missing file is an error, since the user named it. */
export async function loadPreviousReports(path: string): Promise<PreviousReport[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const isMissing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    if (isMissing) throw new ForkdiffError(`${path}: previous report not found (check --since)`);
    throw new ForkdiffError(`${path}: cannot read previous report: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parsePreviousReports(text, path);
}

/** The previous report for the same refs; a file holding a single report is used as is. */
export function previousFor(current: Report, previous: readonly PreviousReport[]): PreviousReport | null {
  const forkRef = current.fork?.ref ?? null;
  const upstreamRef = current.upstream?.ref ?? null;
  const sameRefs = previous.find((report) => report.forkRef === forkRef && report.upstreamRef === upstreamRef);
  if (sameRefs) return sameRefs;
  return previous.length === 1 ? (previous[0] ?? null) : null;
}

/** New and resolved findings by fingerprint, each list in stable report order. */
export function compareSince(previous: PreviousReport, current: Report): SinceComparison {
  const before = new Set(previous.findings.map((finding) => finding.fingerprint));
  const now = new Set(current.findings.map((finding) => finding.fingerprint));
  const newFindings = current.findings.filter((finding) => !before.has(finding.fingerprint));
  const resolvedFindings = previous.findings.filter((finding) => !now.has(finding.fingerprint));
  return {
    newFindings: [...newFindings].sort(compareFindings),
    resolvedFindings: [...resolvedFindings].sort(compareFindings),
    unchanged: current.findings.length - newFindings.length,
    sync: compareSync(previous.sync, current.sync),
    missingCommits: compareMissing(previous.missingCommits, current.commits?.missingFromFork.map((commit) => commit.sha) ?? null),
  };
}

/** Upstream commits that went missing since, and those the fork has taken (synced) since. */
function compareMissing(before: readonly string[] | null, now: readonly string[] | null): SinceComparison['missingCommits'] {
  if (before === null || now === null) return null;
  const then = new Set(before);
  const current = new Set(now);
  return {
    before: then.size,
    now: current.size,
    newlyMissing: now.filter((sha) => !then.has(sha)).length,
    taken: before.filter((sha) => !current.has(sha)).length,
  };
}
