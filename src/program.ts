import { Command, CommanderError, Option } from 'commander';
import { BASELINE_HELP_AFTER, HELP_AFTER, INIT_HELP_AFTER } from './cliHelp.js';
import { REPORT_ONLY_FLAGS, type RawFlags, collect } from './cliOptions.js';
import { ForkdiffError, isForkdiffError } from './errors.js';
import { interrupted } from './io/exitCleanup.js';
import { packageVersion } from './packageVersion.js';
import { FORMATS } from './reporters/formats.js';
import { toSingleLine } from './text/sanitize.js';

// Only commander and a few constants load here: `--help` must start fast, so
// each command (and through it git, the classifiers and the reporters) is
// imported when it runs.

/** Commander's `error: unknown option '--x'` as forkdiff's one line, with where to look. */
const usageError = (text: string): string => `forkdiff: ${toSingleLine(text.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' '))} (see forkdiff --help)\n`;

// Every option lives on the program, so commander reads it before or after a
// subcommand alike (`forkdiff --no-fetch baseline v0.11`, `forkdiff baseline v0.11 --no-fetch`).
const program = new Command()
  .name('forkdiff')
  .description('Audit how a fork drifts from its upstream: what it carries, what it lacks, what it stopped testing.')
  .version(packageVersion())
  .argument('[refs...]', 'branches to audit on both remotes, e.g. v0.11 (default: refs: in .forkdiff.yml)')
  .option('--upstream <remote>', 'upstream remote name or URL (default: config, then "upstream")')
  .option('--origin <remote>', 'the fork\'s remote name or URL (default: config, then "origin")')
  .option('--no-fetch', 'use the remote-tracking refs already in the repository')
  .option('--fork-rev <rev>', 'audit this local commit (HEAD in a pull request job) as the fork side, against upstream/REF')
  .option('--no-sync', 'no sync plan (merge and pick forecasts, carries, their findings): faster on a fork far behind, e.g. to gate pull requests')
  .option('--diff-file <path>', 'analyse a saved diff (plain or in a ```diff fence; - for stdin) instead of git')
  .option('--src-prefix <prefix>', 'source prefix used in the saved diff (detected when omitted)')
  .option('--dst-prefix <prefix>', 'destination prefix used in the saved diff (detected when omitted)')
  .option('--config <file>', 'config file (default: .forkdiff.yml)')
  .option('--baseline <file>', 'baseline file (default: config, then .forkdiff-baseline.json)')
  .addOption(new Option('-f, --format <format>', FORMATS.join(', ')).default(undefined, 'table'))
  .option('-o, --output <file>', 'write the report to FILE (atomically) instead of stdout')
  .option('-c, --category <ids>', 'only these categories, also for --check (comma-separated, repeatable)', collect)
  .option('--check', 'exit 1 when drift is neither expected by a rule nor in the baseline')
  .option('--since <report.json>', 'say what is new and what was resolved since an earlier --format json report')
  .option('--hunks <which>', 'hunks printed in full in markdown and html: fork (default: fork and both sides), all, none')
  .option('-q, --quiet', 'print only the headline and the check result (a report with --output is still written)')
  .option('--no-color', 'no ANSI colour (also NO_COLOR, FORCE_COLOR=0, TERM=dumb, and when stdout is not a terminal)')
  .option('--no-progress', 'no progress lines on stderr (shown only when stderr is a terminal)')
  .option('--debug', 'print stack traces of errors')
  .addHelpText('after', HELP_AFTER)
  .configureHelp({ showGlobalOptions: true })
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(usageError(text)) })
  .action(async (refs: string[], flags: RawFlags) => {
    const { runReport } = await import('./commands/report.js');
    process.exitCode = await runReport(refs, flags, process.cwd());
  });

/**
 * The program's flags for a subcommand; a report-only flag given to it (but
 * those it uses) is a usage error, not silently dropped.
 */
function subcommandFlags(name: string, uses: readonly (keyof typeof REPORT_ONLY_FLAGS)[] = []): RawFlags {
  for (const [key, flag] of Object.entries(REPORT_ONLY_FLAGS)) {
    const isUsed = (uses as readonly string[]).includes(key);
    if (!isUsed && program.getOptionValueSource(key) === 'cli') throw new ForkdiffError(`${flag} does not apply to forkdiff ${name} (see forkdiff ${name} --help)`);
  }
  return program.opts<RawFlags>();
}

program
  .command('baseline')
  .description('accept every current finding into the baseline file')
  .argument('[refs...]', 'branches to audit (default: refs: in .forkdiff.yml)')
  .addHelpText('after', BASELINE_HELP_AFTER)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(usageError(text)) })
  .action(async (refs: string[]) => {
    const flags = subcommandFlags('baseline');
    const { runBaseline } = await import('./commands/baseline.js');
    process.exitCode = await runBaseline(refs, flags, process.cwd());
  });

program
  .command('trend')
  .description('drift over time: totals per earlier --format json report (files, or directories of them), charted in markdown; -f table (default), markdown (with Mermaid charts) or json, -o FILE')
  .argument('<reports...>', 'JSON reports, or directories of them (read in name order)')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(usageError(text)) })
  .action(async (paths: string[]) => {
    const flags = subcommandFlags('trend', ['format', 'output']);
    const { runTrend } = await import('./commands/trend.js');
    process.exitCode = await runTrend(paths, flags);
  });

program
  .command('init')
  .description('write a starter .forkdiff.yml (remotes and refs detected, every key commented)')
  .argument('[refs...]', 'branches the config should audit (default: detected)')
  .addHelpText('after', INIT_HELP_AFTER)
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(usageError(text)) })
  .action(async (refs: string[]) => {
    const flags = subcommandFlags('init');
    const { runInit } = await import('./commands/init.js');
    process.exitCode = await runInit(refs, flags, process.cwd());
  });

/** Parses `argv` and runs the command; sets the exit code (usage errors, ForkdiffErrors and failed git commands are exit 2, one line). */
export async function runProgram(argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (interrupted.aborted) {
      // A signal is stopping the run: what failed because of it is no news (see exitCleanup.ts).
    } else if (error instanceof CommanderError) {
      // Help and version exit 0; every usage error is exit 2 (commander says 1).
      process.exitCode = error.exitCode === 0 ? 0 : 2;
    } else {
      // A ForkdiffError, or a git command that failed (a clone missing an object): one line, nothing raw.
      const message = isForkdiffError(error) ? error.message : (await import('./git/failureReason.js')).simpleGitFailure(error);
      if (message === null) throw error;
      process.stderr.write(`forkdiff: ${toSingleLine(message)}\n`);
      if (argv.includes('--debug')) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
      process.exitCode = 2;
    }
  }
}
