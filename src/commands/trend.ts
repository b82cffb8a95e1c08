import { ForkdiffError } from '../errors.js';
import { isColorWanted, outputWidth } from '../io/terminal.js';
import { writeAtomic } from '../io/writeAtomic.js';
import { writeStdout } from '../io/writeStdout.js';
import { TREND_FORMATS, type TrendFormat, trendReporters } from '../reporters/trend/trendReporters.js';
import { readTrend } from '../trend/readTrend.js';

export interface TrendFlags {
  format?: string;
  output?: string;
  color: boolean;
}

const parseTrendFormat = (value: string | undefined): TrendFormat => {
  if (value === undefined) return 'table';
  if ((TREND_FORMATS as readonly string[]).includes(value)) return value as TrendFormat;
  throw new ForkdiffError(`unknown format "${value}" for trend: choose ${TREND_FORMATS.join(', ')}`);
};

/** `forkdiff trend REPORT.json… | DIR`: per-report totals over time, charted in markdown. */
export async function runTrend(paths: readonly string[], flags: TrendFlags): Promise<number> {
  const format = parseTrendFormat(flags.format);
  const points = await readTrend(paths);
  const isToFile = flags.output !== undefined;
  const chunks = trendReporters[format](points, {
    isColor: !isToFile && isColorWanted(flags.color, process.env),
    width: isToFile ? 120 : outputWidth(process.stdout, process.env),
  });
  if (flags.output !== undefined) await writeAtomic(flags.output, chunks);
  else await writeStdout(chunks);
  return 0;
}
