import { spawnSync } from 'node:child_process';
import { cliPath } from './paths.js';

/** util-linux `script` gives the child a pseudo-terminal: the only way to see what forkdiff does on a real terminal. */
export const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/** Runs the built binary with stdout and stderr on one terminal; returns what the terminal received. */
export function runInTerminal(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): { status: number | null; output: string } {
  const command = [process.execPath, cliPath, ...args].map(quote).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, TERM: 'xterm-256color', NO_COLOR: undefined, FORCE_COLOR: undefined, CI: undefined, GITHUB_ACTIONS: undefined, ...options.env },
  });
  return { status: result.status, output: result.stdout };
}
