#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { type RawFlags, collect } from './cliOptions.js';
import { runBaseline } from './commands/baseline.js';
import { runReport } from './commands/report.js';
import { type TrendFlags, runTrend } from './commands/trend.js';
import { isForkdiffError } from './errors.js';

/** Options shared by the report and `baseline`: where the drift comes from. */
function withSourceOptions(command: Command): Command {
  return command
    .argument('[refs...]', 'branches to audit on both remotes, e.g. v0.11 (default: refs: in .forkdiff.yml)')
    .option('--upstream <remote>', 'upstream remote name or URL (default: config, then "upstream")')
    .option('--origin <remote>', 'the fork\'s remote name or URL (default: config, then "origin")')
    .option('--no-fetch', 'use the remote-tracking refs already in the repository')
    .option('--diff-file <path>', 'analyse a saved diff (plain or in a ```diff fence; - for stdin) instead of git')
    .option('--src-prefix <prefix>', 'source prefix used in the saved diff (detected when omitted)')
    .option('--dst-prefix <prefix>', 'destination prefix used in the saved diff (detected when omitted)')
    .option('--config <file>', 'config file (default: .forkdiff.yml)')
    .option('--baseline <file>', 'baseline file (default: config, then .forkdiff-baseline.json)')
    .option('--debug', 'print stack traces of errors');
}

function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
}

/** Commander's `error: unknown option '--x'` as forkdiff's one line, with where to look. */
const usageError = (text: string): string => `forkdiff: ${text.trim().replace(/^error: /, '')} (see forkdiff --help)\n`;

const program = withSourceOptions(
  new Command()
    .name('forkdiff')
    .description('Audit how a fork drifts from its upstream: what it carries, what it lacks, what it stopped testing.')
    .version(packageVersion())
    // Options after a subcommand (trend -f markdown) are its own, not the report's.
    .enablePositionalOptions(),
)
  .addOption(new Option('-f, --format <format>', 'table, markdown, json or html').default(undefined, 'table'))
  .option('-o, --output <file>', 'write the report to FILE (atomically) instead of stdout')
  .option('-c, --category <ids>', 'only these categories (comma-separated, repeatable)', collect)
  .option('--no-color', 'no ANSI colour (also NO_COLOR, and whenever stdout is not a terminal)')
  .option('--check', 'exit 1 when drift is neither expected by a rule nor in the baseline')
  .option('--since <report.json>', 'say what is new and what was resolved since an earlier --format json report')
  .option('--hunks <which>', 'hunks printed in full in markdown and html: fork (default: fork and both sides), all, none')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(usageError(text)) })
  .action(async (refs: string[], flags: RawFlags) => {
    process.exitCode = await runReport(refs, flags, process.cwd());
  });

withSourceOptions(program.command('baseline').description('accept every current finding into the baseline file'))
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(usageError(text)) })
  .action(async (refs: string[], flags: RawFlags) => {
    process.exitCode = await runBaseline(refs, flags, process.cwd());
  });

program
  .command('trend')
  .description('drift over time: totals per earlier --format json report (files, or directories of them), charted in markdown')
  .argument('<reports...>', 'JSON reports, or directories of them (read in name order)')
  .option('-f, --format <format>', 'table (default), markdown (with Mermaid charts) or json')
  .option('-o, --output <file>', 'write to FILE (atomically) instead of stdout')
  .option('--no-color', 'no ANSI colour')
  .option('--debug', 'print stack traces of errors')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(usageError(text)) })
  .action(async (paths: string[], flags: TrendFlags) => {
    process.exitCode = await runTrend(paths, flags);
  });

// `forkdiff … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every usage error is exit 2 (commander says 1).
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (isForkdiffError(error)) {
    process.stderr.write(`forkdiff: ${error.message}\n`);
    if (process.argv.includes('--debug')) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exitCode = error.exitCode;
  } else {
    throw error;
  }
}
