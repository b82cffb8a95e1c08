#!/usr/bin/env node
import { packageVersion } from './packageVersion.js';

// `forkdiff --version` on its own answers before commander, or anything else,
// loads: CI logs call it on every run. Everything else goes to the program.
const args = process.argv.slice(2);

// `forkdiff … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${packageVersion()}\n`);
} else {
  const { boundHeap } = await import('./heapBounds.js');
  boundHeap();
  const { runProgram } = await import('./program.js');
  await runProgram(process.argv);
}
