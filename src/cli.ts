#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { auditDiffFile } from './audit/audit.js';
import { type RawFlags, collect, parseCategories, parseFormat } from './cliOptions.js';
import { ForkdiffError, isForkdiffError } from './errors.js';
import { isColorWanted, outputWidth } from './io/terminal.js';
import { writeAtomic } from './io/writeAtomic.js';
import type { Report } from './model.js';
import { filterReport } from './reporters/filterReport.js';
import { reporters } from './reporters/index.js';

/** The thin layer: parse flags, run the audit, render, write, set the exit code. */
async function run(refs: string[], flags: RawFlags): Promise<number> {
  const format = parseFormat(flags.format);
  const categories = parseCategories(flags.category);
  let reports: Report[];
  if (flags.diffFile !== undefined) {
    if (refs.length > 0) throw new ForkdiffError('give either refs (git mode) or --diff-file, not both');
    reports = [await auditDiffFile({ diffFile: flags.diffFile, srcPrefix: flags.srcPrefix, dstPrefix: flags.dstPrefix })];
  } else {
    throw new ForkdiffError('name a ref to audit (e.g. forkdiff v0.11), or pass --diff-file PATH');
  }
  const stream = process.stdout;
  const isToFile = flags.output !== undefined;
  const text = reporters[format](reports.map((report) => filterReport(report, categories)), {
    isColor: !isToFile && isColorWanted(stream, flags.color, process.env),
    width: isToFile ? 120 : outputWidth(stream, process.env),
  });
  if (flags.output !== undefined) await writeAtomic(flags.output, text);
  else stream.write(text);
  return 0;
}

const program = new Command()
  .name('forkdiff')
  .description('Audit how a fork drifts from its upstream: what it carries, what it lacks, what it stopped testing.')
  .argument('[refs...]', 'branches to audit on both remotes, e.g. v0.11')
  .option('--diff-file <path>', 'analyse a saved diff (plain or in a ```diff fence; - for stdin) instead of fetching')
  .option('--src-prefix <prefix>', 'source prefix used in the saved diff (detected when omitted)')
  .option('--dst-prefix <prefix>', 'destination prefix used in the saved diff (detected when omitted)')
  .addOption(new Option('-f, --format <format>', 'table, markdown or json').default(undefined, 'table'))
  .option('-o, --output <file>', 'write the report to FILE (atomically) instead of stdout')
  .option('-c, --category <ids>', 'only these categories (comma-separated, repeatable)', collect)
  .option('--no-color', 'no ANSI colour (also NO_COLOR, and whenever stdout is not a terminal)')
  .option('--debug', 'print stack traces of errors')
  .showHelpAfterError('(run forkdiff --help for usage)')
  .exitOverride()
  .action(async (refs: string[], flags: RawFlags) => {
    process.exitCode = await run(refs, flags);
  });

program.configureOutput({ writeErr: (text) => process.stderr.write(text) });

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
