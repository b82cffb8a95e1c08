import { rmSync } from 'node:fs';
import { access, rename, rm, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { ForkdiffError } from '../errors.js';
import { onExit } from '../io/exitCleanup.js';
import { FileTooLargeError, formatBytes, readBoundedText } from '../io/readBounded.js';
import { CATEGORY_IDS } from '../model.js';
import type { CategoryId, Finding, Report } from '../model.js';
import { compareFindings } from '../findingOrder.js';

/** One accepted finding. Only the fingerprint matters for matching; the rest is for humans reading the file. */
export interface BaselineEntry {
  fingerprint: string;
  category: CategoryId;
  kind: string;
  path: string;
  message: string;
}

/** Findings accepted as they are, written by `forkdiff baseline`. */
export interface Baseline {
  version: 1;
  accepted: BaselineEntry[];
}

/** Exactly the entry's fields in a fixed key order (a Finding's extra fields are dropped). */
const toEntry = (from: BaselineEntry | Finding): BaselineEntry => ({
  fingerprint: from.fingerprint,
  category: from.category,
  kind: from.kind,
  path: from.path,
  message: from.message,
});

/** Accept every finding of these reports; the same drift in several refs is one entry. */
export function buildBaseline(reports: readonly Report[]): Baseline {
  const byFingerprint = new Map<string, BaselineEntry>();
  for (const report of reports) {
    for (const finding of report.findings) {
      if (!byFingerprint.has(finding.fingerprint)) byFingerprint.set(finding.fingerprint, toEntry(finding));
    }
  }
  return { version: 1, accepted: [...byFingerprint.values()].sort(compareFindings) };
}

/** Deterministic and diff-friendly: fixed key order, sorted entries, trailing newline, no timestamps. */
export function serializeBaseline(baseline: Baseline): string {
  const accepted = [...baseline.accepted].sort(compareFindings).map(toEntry);
  return `${JSON.stringify({ version: 1, accepted }, null, 2)}\n`;
}

const baselineSchema = z.object({
  version: z.literal(1),
  accepted: z.array(
    z.object({
      fingerprint: z.string().min(1),
      category: z.enum(CATEGORY_IDS),
      kind: z.string(),
      path: z.string(),
      message: z.string(),
    }),
  ),
});

/** Parse baseline text; `file` names it in the one-line error. */
export function parseBaseline(text: string, file: string): Baseline {
  const fix = 'run `forkdiff baseline` to regenerate it';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ForkdiffError(`${file}: baseline is not valid JSON: ${fix}`);
  }
  const result = baselineSchema.safeParse(raw);
  if (!result.success) {
    const where = result.error.issues[0]?.path.join('.') ?? '';
    throw new ForkdiffError(`${file}: not a forkdiff baseline (version 1)${where ? ` at ${where}` : ''}: ${fix}`);
  }
  return { version: 1, accepted: result.data.accepted.map(toEntry) };
}

/**
 * A baseline holds one short entry per accepted finding: 64 MiB is some
 * 300,000 of them, far past any fork. A larger file is refused unread.
 */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** The baseline at `path`, or null when there is none yet. A UTF-8 byte order mark (some editors add one) is fine. */
export async function loadBaseline(path: string): Promise<Baseline | null> {
  let text: string;
  try {
    text = await readBoundedText(path, MAX_BASELINE_BYTES);
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      throw new ForkdiffError(`${path}: baseline is ${formatBytes(error.size)}, more than the ${formatBytes(MAX_BASELINE_BYTES)} forkdiff reads: run \`forkdiff baseline\` to regenerate it`);
    }
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw new ForkdiffError(`${path}: cannot read baseline: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseBaseline(text, path);
}

/** `--baseline FILE` named by the user must exist: a typo must not read as "nothing accepted yet". */
export async function requireBaseline(path: string, shownName: string): Promise<void> {
  const isPresent = await access(path).then(() => true, () => false);
  if (!isPresent) {
    throw new ForkdiffError(`${shownName}: baseline not found (check --baseline, or create it with forkdiff baseline --baseline ${shownName})`);
  }
}

/** Write through a temp file and rename, so a crash never leaves half a baseline. */
export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  const removeTemporary = onExit(() => rmSync(temp, { force: true }));
  try {
    await writeFile(temp, serializeBaseline(baseline));
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw new ForkdiffError(`${path}: cannot write baseline: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    removeTemporary(); // nothing left to remove once renamed
  }
}
