#!/usr/bin/env node
// `npm run bench`: forkdiff next to git (or a plain Node line splitter) on
// the same input in the same run, for each case issue 16 lists. Every case
// generates its input on the spot (git fast-import for repositories, seeded,
// so every run measures the same bytes) and runs its commands in
// interleaved rounds; read the ratios, not the seconds, on a loaded machine.
//
//   FORKDIFF_BENCH_CASES=small,commits3000   which cases (default: all but saved300)
//   FORKDIFF_BENCH_ROUNDS=3                  rounds per case (medians are kept)
//   FORKDIFF_BENCH_CASE_SECONDS=120          no new round of a case starts after this
//   FORKDIFF_BENCH_FILES, _COMMITS, _DENSE_FILES, _GIT_MB, _MB   input sizes (see bench/settings.js)
//   FORKDIFF_BENCH_TIMEOUT=900               seconds before one run is stopped
//   FORKDIFF_BENCH_KEEP=1                    keep the generated inputs
//
// Figures go to stdout (a summary table last) and to .bench/results.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CASES } from './bench/cases/index.js';
import { CLI, ROOT } from './bench/cases/commands.js';
import { compare } from './bench/compare.js';
import { createInputs } from './bench/inputs.js';
import { describeInput, formatCommands, formatComparison, formatSummary } from './bench/results.js';
import { runRounds } from './bench/rounds.js';
import { readSettings } from './bench/settings.js';

const settings = readSettings();
const log = (line) => console.error(line);
const resultsFile = join(ROOT, '.bench', 'results.json');

if (!existsSync(CLI)) {
  console.error(`bench: ${CLI} is missing (run npm run build first, or npm run bench)`);
  process.exit(2);
}

/** Prepares one case, runs its rounds, and prints what it measured. */
async function runCase(id, inputs, work) {
  const definition = CASES[id];
  log(`bench: ${id}: generating the input`);
  const prepared = await definition.prepare({ inputs, work, sizes: settings.sizes });
  log(`bench: ${id}: up to ${settings.rounds} rounds of ${prepared.commands.length} commands`);
  const load = [loadavg()[0]];
  const { rounds, commands } = await runRounds(prepared.commands, { ...settings, log });
  load.push(loadavg()[0]);
  commands.forEach((result, index) => {
    const { output } = prepared.commands[index];
    if (output && existsSync(output)) result.outputBytes = statSync(output).size;
  });
  const comparisons = prepared.comparisons.map((comparison) => compare(comparison, commands));
  const entry = { id, title: definition.title, input: describeInput(prepared.facts), facts: prepared.facts, notes: prepared.notes ?? [], rounds, load, commands, comparisons };
  console.log(`\n## ${id}: ${entry.title}\n${entry.input}\n\n${formatCommands(commands)}\n`);
  console.log(`- ${rounds} rounds; 1-minute load average ${load.map((value) => value.toFixed(1)).join(' → ')}`);
  for (const line of [...comparisons.map(formatComparison), ...entry.notes]) console.log(`- ${line}`);
  return entry;
}

const work = mkdtempSync(join(tmpdir(), 'forkdiff-bench-'));
const results = {
  date: new Date().toISOString(),
  node: process.version,
  git: execFileSync('git', ['--version'], { encoding: 'utf8' }).trim(),
  cpus: cpus().length,
  settings,
  cases: [],
};
const save = () => {
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
};
try {
  const inputs = createInputs(work, settings.sizes, log);
  for (const id of settings.cases) {
    results.cases.push(await runCase(id, inputs, work));
    save(); // a run stopped part-way still leaves the cases it finished
  }
} finally {
  if (settings.isKept) log(`bench: inputs kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
const loads = results.cases.flatMap((entry) => entry.load);
const roundCounts = results.cases.map((entry) => `${entry.id} ${entry.rounds}`).join(', ');
console.log(`\n## Summary (medians of interleaved rounds: ${roundCounts}; ${results.cpus} CPUs; 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)})\n`);
console.log(formatSummary(results.cases));
save();
log(`bench: figures written to ${resultsFile}`);
