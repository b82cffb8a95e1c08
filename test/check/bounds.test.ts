import { truncate, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MAX_BASELINE_BYTES, loadBaseline, serializeBaseline } from '../../src/check/baseline.js';
import { MAX_WARNINGS_PER_KIND, checkReports } from '../../src/check/check.js';
import { MAX_CONFIG_BYTES, loadConfig } from '../../src/check/config.js';
import { parseConfig } from '../../src/check/configParse.js';
import { ForkdiffError } from '../../src/errors.js';
import { aFinding, aReport } from './builders.js';
import { useTempDir } from './tempDir.js';

const tmp = useTempDir();

/** Issue 15: configs and baselines cost a bounded time and memory, and say in one line when they are refused. */
describe('config bounds', () => {
  it('refuses a config larger than the limit before reading it', async () => {
    const file = await tmp.write('.forkdiff.yml', '');
    await truncate(file, MAX_CONFIG_BYTES + 1);
    await expect(loadConfig(undefined, tmp.path())).rejects.toThrow(
      new ForkdiffError('.forkdiff.yml: config file is 256 KiB, more than the 256 KiB a config may be (is it the right file?)'),
    );
  });

  it('reads a config up to the limit, and one with a byte order mark', async () => {
    await tmp.write('.forkdiff.yml', `\ufeffrefs: [v0.11]\n${'#'.repeat(MAX_CONFIG_BYTES - 40)}\n`);
    expect((await loadConfig(undefined, tmp.path())).refs).toEqual(['v0.11']);
  });

  it.each([
    ['deep flow nesting', '['.repeat(100_000), /^x: YAML nested more than 64 levels deep/],
    ['thousands of tags on one node', '!!str '.repeat(20_000), /^x: more than 1000 YAML anchors, aliases or tags/],
    ['thousands of anchors', '&a '.repeat(20_000), /^x: more than 1000 YAML anchors, aliases or tags/],
    ['aliases expanding a document', `a: &a [x, x]\nb: &b [${'*a, '.repeat(60)}]\nc: [${'*b, '.repeat(60)}]\n`, /^x: invalid YAML: Excessive alias count/],
  ])('refuses %s in one line', (_name, text, message) => {
    expect(() => parseConfig(text, 'x')).toThrow(message);
  });

  it('reads 64 KiB of broken YAML (an error per token) in well under the seconds it took', () => {
    const started = Date.now();
    expect(() => parseConfig(']'.repeat(64 * 1024), 'x')).toThrow(/^x: line 1, column 1: invalid YAML: Unexpected flow-seq-end token/);
    expect(Date.now() - started).toBeLessThan(8_000); // 11 s before, under the same load
  });

  it('checks duplicate keys in one pass: 20,000 keys, one repeated at the end', () => {
    const keys = Array.from({ length: 20_000 }, (_, index) => `k${index}: 1`).join('\n');
    const started = Date.now();
    expect(() => parseConfig(`${keys}\nk7: 2\n`, 'x')).toThrow(/^x: line 20001, column 1: invalid YAML: Map keys must be unique$/);
    expect(Date.now() - started).toBeLessThan(8_000); // ~6 s with the parser's own check
  });

  it('refuses a glob longer than 1024 characters (picomatch threw past 64 KiB)', () => {
    expect(() => parseConfig(`ignore: ['${'a'.repeat(70_000)}']\n`, 'x')).toThrow(/^x: ignore\[0\]: must be at most 1024 characters long/);
    expect(() => parseConfig(`expect:\n  - {category: vendored-deps, module: '${'*'.repeat(2000)}', reason: r}\n`, 'x')).toThrow(
      /^x: expect\[0\]\.module: must be at most 1024 characters long/,
    );
  });
});

describe('baseline bounds', () => {
  it('refuses a baseline larger than the limit before reading it', async () => {
    const file = await tmp.write('baseline.json', '');
    await truncate(file, MAX_BASELINE_BYTES + 1); // sparse: nothing is written
    await expect(loadBaseline(file)).rejects.toThrow(/baseline is 64 MiB, more than the 64 MiB forkdiff reads: run `forkdiff baseline` to regenerate it$/);
  });

  it('reads a baseline saved with a UTF-8 byte order mark', async () => {
    const file = await tmp.write('baseline.json', '');
    const text = serializeBaseline({ version: 1, accepted: [{ fingerprint: 'fp1', category: 'other', kind: 'changed', path: 'a', message: 'm' }] });
    await writeFile(file, `\ufeff${text}`);
    expect((await loadBaseline(file))?.accepted.map((entry) => entry.fingerprint)).toEqual(['fp1']);
  });

  it('sums up stale entries past the first few in one warning with their count', () => {
    const accepted = Array.from({ length: 500 }, (_, index) => ({ fingerprint: `gone${index}`, category: 'other' as const, kind: 'changed', path: `f${index}`, message: 'm' }));
    const result = checkReports([aReport([aFinding()])], parseConfig('', 'x'), { version: 1, accepted });
    expect(result.warnings).toHaveLength(MAX_WARNINGS_PER_KIND + 1);
    expect(result.warnings[0]).toMatch(/^baseline entry gone0 /);
    expect(result.warnings.at(-1)).toBe('… and 480 more baseline entries no longer match: run `forkdiff baseline` to refresh');
  });

  it('sums up rules that matched nothing the same way', () => {
    const rules = Array.from({ length: 30 }, (_, index) => `  - {category: workflow, kind: k${index}, reason: r}`).join('\n');
    const result = checkReports([aReport([aFinding()])], parseConfig(`expect:\n${rules}\n`, 'x'), null);
    expect(result.warnings).toHaveLength(MAX_WARNINGS_PER_KIND + 1);
    expect(result.warnings.at(-1)).toBe('… and 10 more rules that matched nothing');
  });
});
