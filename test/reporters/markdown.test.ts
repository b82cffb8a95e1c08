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
