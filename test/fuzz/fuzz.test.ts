import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus, makeCase } from '../../scripts/fuzz/mutate.js';
import { GOOD_OUTCOMES, classifySpawned, runInProcess } from '../../scripts/fuzz/outcome.js';
import { auditDiffFile } from '../../src/audit/audit.js';
import { isForkdiffError } from '../../src/errors.js';
import { jsonReporter } from '../../src/reporters/json.js';
import { cliPath, projectRoot } from '../helpers/paths.js';
import { schemaErrors } from '../helpers/schema.js';
import { scratchDir } from '../helpers/scratch.js';

/**
 * Broken and hostile saved diffs from the project's own fixtures (byte flips,
 * truncations, corrupted headers, lying hunk counts, NUL bytes, CRLF and CR
 * line ends, long lines, invalid UTF-8, stray "\ No newline" markers): each
 * must give a schema-valid JSON report or one clear line and exit 2. Seeded,
 * so a failure replays; `npm run fuzz` runs thousands of the same kind.
 */
const SEED = 15;
const CASES = 300;
const SPAWNED_EVERY = 30; // the built binary for a sample: exit code, stdout and stderr as a user sees them
const corpus = loadCorpus(join(projectRoot, 'fixtures/diffs'));
const core = { auditDiffFile, jsonReporter, isForkdiffError, schemaErrors } as Parameters<typeof runInProcess>[1];

describe(`fuzzed saved diffs (seed ${SEED}, ${CASES} cases)`, () => {
  it('draws from every fixture and every kind of damage', () => {
    const names = Array.from({ length: CASES }, (_, index) => makeCase(corpus, SEED, index).name);
    expect(corpus.length).toBeGreaterThanOrEqual(19);
    for (const mutation of ['flipBytes', 'truncate', 'corruptHeader', 'lyingHunkCount', 'insertNul', 'lineEnds', 'longLine', 'invalidUtf8', 'noNewlineMarker']) {
      expect(names.some((name) => name.includes(mutation)), mutation).toBe(true);
    }
  });

  it('each ends in a schema-valid report or one clear line, never anything else', async () => {
    const directory = scratchDir('fuzz');
    const failures: string[] = [];
    const counts = new Map<string, number>();
    for (let index = 0; index < CASES; index += 1) {
      const fuzzCase = makeCase(corpus, SEED, index);
      const file = join(directory, `case-${index}.diff`);
      writeFileSync(file, fuzzCase.bytes);
      const verdicts = [await runInProcess(file, core)];
      if (index % SPAWNED_EVERY === 0) {
        const result = spawnSync(process.execPath, [cliPath, '--diff-file', file, '--format', 'json'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
        verdicts.push(classifySpawned(result, schemaErrors));
      }
      for (const verdict of verdicts) {
        counts.set(verdict.outcome, (counts.get(verdict.outcome) ?? 0) + 1);
        if (!GOOD_OUTCOMES.includes(verdict.outcome)) failures.push(`case ${index} (${fuzzCase.name}): ${verdict.outcome}: ${verdict.detail.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
    // Both good outcomes occur: the cases neither all break nor all pass untouched.
    expect(counts.get('report')).toBeGreaterThan(CASES / 2);
    expect(counts.get('refused')).toBeGreaterThan(0);
  }, 120_000);
});
