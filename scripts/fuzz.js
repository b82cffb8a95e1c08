#!/usr/bin/env node
// `npm run fuzz`: thousands of broken and hostile saved diffs, derived from
// fixtures/diffs/** (see fuzz/mutate.js), through the core in-process, and
// every Nth one through the built binary too. Prints counts by outcome and
// exits 1 if any case ended in anything but a schema-valid report or one
// clear line with exit 2. Failing inputs are kept in .fuzz/ to replay with
// `node dist/cli.js --diff-file .fuzz/<file> --format json`.
//
// FORKDIFF_FUZZ_CASES (default 5000), FORKDIFF_FUZZ_SEED (default 1),
// FORKDIFF_FUZZ_SPAWN_EVERY (default 20), FORKDIFF_FUZZ_LINE_MB (longest
// inserted line, default 1; 10 MB lines cost seconds a case).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { loadCorpus, makeCase } from './fuzz/mutate.js';
import { GOOD_OUTCOMES, classifySpawned, runInProcess } from './fuzz/outcome.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cases = Number(process.env.FORKDIFF_FUZZ_CASES ?? 5000);
const seed = Number(process.env.FORKDIFF_FUZZ_SEED ?? 1);
const spawnEvery = Number(process.env.FORKDIFF_FUZZ_SPAWN_EVERY ?? 20);
const limits = { longLineBytes: Number(process.env.FORKDIFF_FUZZ_LINE_MB ?? 1) * 1024 * 1024 };

const load = (path) => import(pathToFileURL(join(root, 'dist', path)).href);
const { auditDiffFile } = await load('audit/audit.js');
const { jsonReporter } = await load('reporters/json.js');
const { isForkdiffError } = await load('errors.js');
const schema = JSON.parse(readFileSync(join(root, 'schema/report.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const schemaErrors = (document) => (validate(document) ? [] : validate.errors.map((error) => `${error.instancePath} ${error.message}`));
const core = { auditDiffFile, jsonReporter, isForkdiffError, schemaErrors };

const corpus = loadCorpus(join(root, 'fixtures/diffs'));
const work = mkdtempSync(join(tmpdir(), 'forkdiff-fuzz-'));
const kept = join(root, '.fuzz');
const counts = { 'in-process': new Map(), 'built binary': new Map() };
const failures = [];
const started = Date.now();

const reasons = new Map();
const record = (where, fuzzCase, file, verdict) => {
  counts[where].set(verdict.outcome, (counts[where].get(verdict.outcome) ?? 0) + 1);
  if (verdict.outcome === 'refused') {
    // The message without its file name: what kinds of input are refused.
    const reason = verdict.detail.replace(/^forkdiff: /, '').replaceAll(file, 'FILE').replace(/\d+/g, 'N').slice(0, 90);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  if (GOOD_OUTCOMES.includes(verdict.outcome)) return;
  mkdirSync(kept, { recursive: true });
  const name = `seed${seed}-case${fuzzCase.index}.diff`;
  writeFileSync(join(kept, name), readFileSync(file));
  failures.push(`${where} case ${fuzzCase.index} (${fuzzCase.name}) → ${verdict.outcome}: ${verdict.detail.split('\n').slice(0, 4).join(' | ')} [.fuzz/${name}]`);
};

try {
  for (let index = 0; index < cases; index += 1) {
    const fuzzCase = makeCase(corpus, seed, index, limits);
    const file = join(work, 'case.diff');
    writeFileSync(file, fuzzCase.bytes);
    record('in-process', fuzzCase, file, await runInProcess(file, core));
    if (index % spawnEvery === 0) {
      const result = spawnSync(process.execPath, [join(root, 'dist/cli.js'), '--diff-file', file, '--format', 'json'], {
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 1024 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1' },
      });
      record('built binary', fuzzCase, file, classifySpawned(result, schemaErrors));
    }
    if (process.stderr.isTTY && index % 50 === 0) process.stderr.write(`\rfuzz: ${index}/${cases}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
}

console.log(`forkdiff fuzz: seed ${seed}, ${cases} cases from ${corpus.length} fixtures, ${((Date.now() - started) / 1000).toFixed(1)} s`);
for (const [where, outcomes] of Object.entries(counts)) {
  const total = [...outcomes.values()].reduce((sum, count) => sum + count, 0);
  console.log(`\n${where} (${total} runs)`);
  for (const [outcome, count] of [...outcomes.entries()].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${GOOD_OUTCOMES.includes(outcome) ? ' ' : '✗'} ${outcome.padEnd(32)} ${String(count).padStart(6)}`);
  }
}
console.log('\nrefused, by message');
for (const [reason, count] of [...reasons.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(6)}  ${reason}`);
if (failures.length > 0) {
  console.log(`\n${failures.length} failing runs:`);
  for (const failure of failures.slice(0, 40)) console.log(`  ${failure}`);
  process.exitCode = 1;
}
