import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildBaseline, loadBaseline, serializeBaseline, writeBaseline } from '../../src/check/baseline.js';
import { ForkdiffError } from '../../src/errors.js';
import { aDependency, aFinding, aRemovedTest, aReport } from './builders.js';
import { useTempDir } from './tempDir.js';

const tmp = useTempDir();

const findings = [
  aFinding({ category: 'workflow', path: '.github/workflows/build.yml', message: 'job frontend-base commented out', fingerprint: 'f3' }),
  aDependency('github.com/opencontainers/runc', 'downgrade', { fingerprint: 'f2' }),
  aDependency('github.com/containerd/containerd', 'downgrade', { fingerprint: 'f1' }),
  aRemovedTest('testLLBMountPerformance', { fingerprint: 'f4' }),
  aFinding({ category: 'dockerfile', path: 'Dockerfile', message: 'base image alpine → ubuntu', fingerprint: 'f0' }),
];

describe('baseline', () => {
  it('serialises sorted by category (report order), path, fingerprint, with no volatile data', () => {
    const text = serializeBaseline(buildBaseline([aReport(findings)]));
    const parsed = JSON.parse(text) as { version: number; accepted: { fingerprint: string; category: string }[] };
    expect(parsed.version).toBe(1);
    expect(parsed.accepted.map((entry) => entry.fingerprint)).toEqual(['f3', 'f0', 'f1', 'f2', 'f4']);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "accepted": [\n    {\n      "fingerprint": "f3",\n      "category": "workflow",');
    expect(Object.keys(parsed.accepted[0] ?? {})).toEqual(['fingerprint', 'category', 'kind', 'path', 'message']);
  });

  it('is byte-identical across calls and across finding orders', () => {
    const first = serializeBaseline(buildBaseline([aReport(findings)]));
    const again = serializeBaseline(buildBaseline([aReport(findings)]));
    const reversed = serializeBaseline(buildBaseline([aReport([...findings].reverse())]));
    expect(again).toBe(first);
    expect(reversed).toBe(first);
  });

  it('keeps one entry for the same drift in several refs', () => {
    const baseline = buildBaseline([aReport(findings, 'v0.10'), aReport(findings.slice(0, 2), 'v0.11')]);
    expect(baseline.accepted).toHaveLength(findings.length);
  });

  it('round-trips through a real file', async () => {
    const path = `${tmp.path()}/.forkdiff-baseline.json`;
    const baseline = buildBaseline([aReport(findings)]);
    await writeBaseline(path, baseline);
    expect(await readFile(path, 'utf8')).toBe(serializeBaseline(baseline));
    expect(await loadBaseline(path)).toEqual(baseline);
  });

  it('reads a missing file as no baseline', async () => {
    expect(await loadBaseline(`${tmp.path()}/missing.json`)).toBeNull();
  });

  it.each([
    ['{ not json', 'baseline is not valid JSON: run `forkdiff baseline` to regenerate it'],
    ['{"version": 2, "accepted": []}', 'not a forkdiff baseline (version 1) at version: run `forkdiff baseline` to regenerate it'],
    ['{"version": 1, "accepted": [{"fingerprint": "x"}]}', 'not a forkdiff baseline (version 1) at accepted.0.category: run `forkdiff baseline` to regenerate it'],
    ['[]', 'not a forkdiff baseline (version 1): run `forkdiff baseline` to regenerate it'],
  ])('rejects malformed %j in one line naming the file', async (text, message) => {
    const path = await tmp.write('b.json', text);
    await expect(loadBaseline(path)).rejects.toThrow(new ForkdiffError(`${path}: ${message}`));
  });
});
