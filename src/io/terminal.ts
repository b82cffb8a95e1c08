import { supportsColor } from 'chalk';

/**
 * Colour on stdout: chalk's own detection decides (a terminal, FORCE_COLOR,
 * TERM=dumb, CI), except that --no-color and NO_COLOR (https://no-color.org),
 * which chalk does not read, always turn it off.
 */
export function isColorWanted(isFlagOn: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!isFlagOn) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return supportsColor !== false && supportsColor.level > 0;
}

/** Columns to fit tables into: the terminal's, else $COLUMNS, else a width that reads well in a file. */
export function outputWidth(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): number {
  if (stream.isTTY && stream.columns) return stream.columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 20 ? fromEnv : 120;
}
