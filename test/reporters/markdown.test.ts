import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/audit/assemble.js';
import { parseDiffText } from '../../src/diff/parse.js';
import type { FileDiff, Report } from '../../src/model.js';
import { markdownReporter } from '../../src/reporters/markdown/markdown.js';
import { diffFixture } from '../helpers/paths.js';

async function reportOf(fixture: string): Promise<Report> {
  const { files } = await parseDiffText(readFileSync(diffFixture(fixture), 'utf8'));
  async function* stream(): AsyncGenerator<FileDiff> {
    yield* files;
  }
  const meta = () => ({ upstream: null, fork: null, mergeBase: null, commits: null, notices: [] });
  return assemble({ mode: 'diff-file', files: stream(), context: { mode: 'diff-file', readFile: async () => null, linesOf: () => null, commitSubject: () => null, translate: (text: string) => text } }, meta);
}

/** The report with every file's hunks behind a getter that counts reads, as spilled files read from disk. */
function countingReads(report: Report): { report: Report; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const files = report.files.map((file) => {
    const { hunks, ...rest } = file;
    const counted = { ...rest } as FileDiff;
    Object.defineProperty(counted, 'hunks', {
      enumerable: true,
      get: () => {
        reads.set(file.path, (reads.get(file.path) ?? 0) + 1);
        return hunks;
      },
    });
    return counted;
  });
  return { report: { ...report, files }, reads };
}

describe('markdownReporter', () => {
  it('streams: no chunk holds more than one file\'s hunks, and the chunks join to the whole report', async () => {
    const report = await reportOf('default-prefixes.diff');
    const chunks = [...markdownReporter([report], { isColor: false, width: 120 })];
    const whole = chunks.join('');
    expect(whole.split('<details>').length - 1).toBeGreaterThan(3);
    for (const chunk of chunks) expect(chunk.split('<details>').length - 1).toBeLessThanOrEqual(1);
    expect(whole).toContain('## Summary');
    expect(whole.endsWith('</details>\n')).toBe(true);
  });

  it('reads a file\'s hunks once per category the file is in, never for the others', async () => {
    const { report, reads } = countingReads(await reportOf('analysers/tests-languages.diff'));
    const shown = report.summary.filter((row) => row.files > 0 || row.findings > 0).length;
    expect(shown).toBeGreaterThan(1);
    [...markdownReporter([report], { isColor: false, width: 120 })].join('');
    for (const file of report.files) expect(reads.get(file.path) ?? 0, file.path).toBe(file.categories.length);
  });
});

describe('markdown: lockfile rows', async () => {
  const { summarise } = await import('../../src/audit/summary.js');
  const { aDependency, aReport } = await import('../check/builders.js');
  const { MIN_COLLAPSED_LOCK_ROWS } = await import('../../src/reporters/findingsView.js');
  const npm = (module: string, path: string) => aDependency(module, 'downgrade', { path, side: 'upstream', details: { ecosystem: 'npm', module, direction: 'downgrade', upstream: '2.0.0', fork: '1.0.0', source: path } });
  const markdownOf = (findings: ReturnType<typeof npm>[]): string => {
    const report = { ...aReport(findings), summary: summarise([], findings, true) };
    return [...markdownReporter([report], { isColor: false, width: 120 })].join('');
  };

  it("collapses a lockfile's rows under the manifest's, every row still there, and says how many the table above lacks", () => {
    const transitive = Array.from({ length: MIN_COLLAPSED_LOCK_ROWS }, (_, index) => npm(`dep-${String(index).padStart(2, '0')}`, 'yarn.lock'));
    const text = markdownOf([npm('react', 'package.json'), npm('react', 'yarn.lock'), ...transitive]);
    const [table, collapsed] = text.split('<details>');
    expect(text).toContain(`### Findings (${MIN_COLLAPSED_LOCK_ROWS + 2})`);
    expect(table).toContain('| react | npm | 2.0.0 | 1.0.0 | upstream bumped | package.json |');
    expect(table).not.toContain('yarn.lock');
    expect(collapsed).toContain(`<summary>${MIN_COLLAPSED_LOCK_ROWS + 1} lockfile entries (yarn.lock); ${MIN_COLLAPSED_LOCK_ROWS} for dependencies not in the table above</summary>`);
    expect(collapsed?.match(/\| yarn\.lock \|/g)).toHaveLength(MIN_COLLAPSED_LOCK_ROWS + 1);
  });

  it('keeps a few lockfile rows, or a lockfile alone, in the table', () => {
    const few = markdownOf([npm('react', 'package.json'), ...Array.from({ length: MIN_COLLAPSED_LOCK_ROWS - 1 }, (_, index) => npm(`dep-${index}`, 'yarn.lock'))]);
    expect(few).not.toContain('<details>');
    expect(few.match(/\| yarn\.lock \|/g)).toHaveLength(MIN_COLLAPSED_LOCK_ROWS - 1);
    const alone = markdownOf(Array.from({ length: MIN_COLLAPSED_LOCK_ROWS }, (_, index) => npm(`dep-${index}`, 'yarn.lock')));
    expect(alone).not.toContain('<details>');
  });
});

describe('markdown: tests upstream added in busy files', async () => {
  const { summarise } = await import('../../src/audit/summary.js');
  const { aRemovedTest, aReport } = await import('../check/builders.js');
  const { MIN_COLLAPSED_TEST_ROWS } = await import('../../src/reporters/findingsView.js');
  const added = (test: string, path: string) => aRemovedTest(test, { path, side: 'upstream', kind: 'test-removed', message: `upstream added test ${test}; fork lacks it` });

  it('collapses them under the rows a maintainer acts on, every row still there', () => {
    const busy = Array.from({ length: MIN_COLLAPSED_TEST_ROWS }, (_, index) => added(`TestModel${index}`, 'app/tests/test_models.py'));
    const quiet = added('TestOne', 'app/tests/test_views.py');
    const removed = aRemovedTest('TestRetry', { path: 'app/tests/test_models.py', side: 'fork', message: 'fork removed test TestRetry' });
    const findings = [...busy, quiet, removed];
    const text = [...markdownReporter([{ ...aReport(findings), summary: summarise([], findings, true) }], { isColor: false, width: 120 })].join('');
    const [table, collapsed] = text.split('<details>');
    expect(text).toContain(`### Findings (${MIN_COLLAPSED_TEST_ROWS + 2})`);
    expect(table).toContain('| fork removed test TestRetry |');
    expect(table).toContain('| upstream added test TestOne; fork lacks it |');
    expect(table).not.toContain('TestModel');
    expect(collapsed).toContain(`<summary>${MIN_COLLAPSED_TEST_ROWS} tests upstream added that the fork lacks, in 1 file with ${MIN_COLLAPSED_TEST_ROWS} or more each: app/tests/test_models.py (${MIN_COLLAPSED_TEST_ROWS})</summary>`);
    expect(collapsed?.match(/\| upstream added test TestModel\d+; fork lacks it \|/g)).toHaveLength(MIN_COLLAPSED_TEST_ROWS);
  });
});
