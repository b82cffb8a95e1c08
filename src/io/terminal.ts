/** Colour only on a terminal, and never when NO_COLOR (https://no-color.org) or --no-color says so. */
export function isColorWanted(stream: NodeJS.WriteStream, isFlagOn: boolean, env: NodeJS.ProcessEnv): boolean {
  if (!isFlagOn) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/** Columns to fit tables into: the terminal's, else $COLUMNS, else a width that reads well in a file. */
export function outputWidth(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): number {
  if (stream.isTTY && stream.columns) return stream.columns;
  const fromEnv = Number(env.COLUMNS);
  return Number.isInteger(fromEnv) && fromEnv > 20 ? fromEnv : 120;
}
