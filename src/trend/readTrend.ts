import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ForkdiffError } from '../errors.js';
import { CATEGORY_IDS, SIDES } from '../model.js';
import { compareText } from '../findingOrder.js';
import { type TrendInput, type TrendPoint, trendPoint } from './trendPoint.js';

// Lenient on purpose: reports written by any version since schemaVersion 1 load; unknown keys are dropped.
const reportSchema = z.object({
  schemaVersion: z.literal(1),
  mode: z.enum(['git', 'diff-file']),
  mergeBase: z.string().nullable().default(null),
  upstream: z.object({ ref: z.string() }).nullable().default(null),
  fork: z.object({ ref: z.string(), sha: z.string().nullable().default(null) }).nullable().default(null),
  files: z.array(z.object({ side: z.enum(SIDES).nullable().default(null) })),
  findings: z.array(z.object({ category: z.enum(CATEGORY_IDS) })),
  commits: z.object({
    missingFromFork: z.array(z.object({ isFix: z.boolean().default(false), security: z.array(z.string()).default([]) })),
  }).nullable().default(null),
});
const fileSchema = z.union([
  reportSchema.transform((report) => [report]),
  z.object({ reports: z.array(reportSchema).min(1) }).transform((envelope) => envelope.reports),
]);

/** The report files named: each file as is, each directory's `*.json` in name order (date-named nightlies sort by date). */
async function expand(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const stats = await stat(path).catch(() => null);
    if (!stats) throw new ForkdiffError(`${path}: no such report file or directory`);
    if (!stats.isDirectory()) {
      files.push(path);
      continue;
    }
    const names = (await readdir(path)).filter((name) => name.endsWith('.json')).sort(compareText);
    if (names.length === 0) throw new ForkdiffError(`${path}: no *.json report in this directory (write them with --format json)`);
    for (const name of names) files.push(join(path, name));
  }
  return files;
}

/** One point per report, in the order given; a file with several refs gives one per ref. */
export async function readTrend(paths: readonly string[]): Promise<TrendPoint[]> {
  const points: TrendPoint[] = [];
  for (const file of await expand(paths)) {
    const notAReport = `${file}: not a forkdiff JSON report (schemaVersion 1): write one with --format json`;
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new ForkdiffError(error instanceof SyntaxError ? notAReport : `${file}: cannot read: ${(error as Error).message}`);
    }
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) throw new ForkdiffError(notAReport);
    const name = basename(file, '.json');
    for (const report of parsed.data) {
      const input = report as TrendInput;
      points.push(trendPoint(parsed.data.length > 1 ? `${name} ${input.fork?.ref ?? '?'}` : name, input));
    }
  }
  return points;
}
