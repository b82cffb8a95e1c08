import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/fingerprint.js';
import { short } from '../git/fixtureRepo.js';
import { runCli } from '../helpers/runCli.js';
import { scratchDir } from '../helpers/scratch.js';
import type { Report } from '../../src/model.js';
import type { Headline } from '../../src/reporters/headline.js';
import { auditFork, findingOf, messagesAt } from './auditFork.js';
import type { AuditedFork } from './auditFork.js';

/** fixtures/forks/npm-moves.mjs: package.json blocks the fork rearranged, and vitest specs. */
let fork: AuditedFork;
beforeAll(async () => {
  fork = await auditFork('npm-moves');
});
afterAll(() => fork.remove());

describe('package.json blocks', () => {
  it('tells moves between blocks from additions and removals, and compares ranges by their lower bounds', () => {
    expect(messagesAt(fork.git, 'vendored-deps', 'package.json')).toEqual([
      'fork added left-pad (^1.3.0)',
      'fork downgraded axios >=1.4.0 → >=0.27.2',
      'fork downgraded typescript ~5.1.6 → ~5.0.4; listed in devDependencies upstream, dependencies in the fork',
      'fork dropped react (^18.2.0) from peerDependencies; still in dependencies',
      'fork moved lodash (^4.17.21) from dependencies to devDependencies',
      'upstream bumped zod ^3.21.4 → ^3.22.0; fork still at ^3.21.4',
    ]);
    expect(findingOf(fork.git, 'module', 'axios').details).toMatchObject({ direction: 'downgrade', compared: 'lower bound' });
    expect(findingOf(fork.git, 'module', 'react')).toMatchObject({
      kind: 'dependency-moved', side: 'fork', commits: [short(fork.fixture.shas.forkDeps)],
      details: { groups: { upstream: ['dependencies', 'peerDependencies'], fork: ['dependencies'] } },
    });
    expect(findingOf(fork.git, 'module', 'zod')).toMatchObject({ side: 'upstream', commits: [short(fork.fixture.shas.zodBump)] });
  });

  it("reads who moved a version from the merge base's, when the fork re-indented the manifest", () => {
    // Every line of the fork's site/package.json is the fork's; the versions in it are still the base's.
    expect(messagesAt(fork.git, 'vendored-deps', 'site/package.json')).toEqual([
      'upstream bumped marked ^9.0.0 → ^9.1.0; fork still at ^9.0.0',
      'upstream removed sharp; fork still has ^0.32.0',
    ]);
    const upstreamBump = { side: 'upstream', commits: [short(fork.fixture.shas.zodBump)] };
    expect(findingOf(fork.git, 'module', 'marked')).toMatchObject(upstreamBump);
    expect(findingOf(fork.git, 'module', 'sharp')).toMatchObject(upstreamBump);
    // The fork's own drift is what it carries: the root manifest's five rows, nothing of the site's.
    expect((fork.git as Report & { headline: Headline }).headline.carries.findings['vendored-deps']).toBe(5);
  });

  it('keeps the identity of a version row, so a baseline of a bump still matches it', () => {
    // category, kind, path, ecosystem, source, name, upstream, fork: the parts v0.1.0 fingerprinted.
    const expected = fingerprint('vendored-deps', 'dependency', 'package.json', 'npm', 'package.json', 'zod', '^3.22.0', '^3.21.4');
    expect(findingOf(fork.git, 'module', 'zod').fingerprint).toBe(expected);
    expect(findingOf(fork.diffFile, 'module', 'zod').fingerprint).toBe(expected);
  });

  it('sees the moves a saved diff shows, and never calls them additions or removals', () => {
    const rows = fork.diffFile.findings.filter((finding) => finding.path === 'package.json');
    expect(rows.filter((finding) => ['lodash', 'react'].includes(String(finding.details['module']))).map((finding) => finding.kind)).toEqual(['dependency-moved', 'dependency-moved']);
    expect(rows.every((finding) => finding.details['direction'] !== 'removed')).toBe(true);
  });
});

describe('vitest specs', () => {
  it('finds a removed spec and a skipped one (not as removed), and nothing in a renamed spec', () => {
    expect(messagesAt(fork.git, 'removed-tests', 'test/api.test.ts')).toEqual([
      "fork removed test retries on 503",
      "fork skips test streams large payloads: it.skip('streams large payloads', async () => {",
    ]);
    expect(fork.git.files.find((file) => file.path === 'test/format-locale.test.ts')?.status).toBe('renamed');
    expect(fork.git.findings.filter((finding) => finding.path.includes('format'))).toEqual([]);
  });
});

describe('sync plan of a fork one commit behind', () => {
  it("forecasts the pick of upstream's tip from the tips' merge: git merges the trees once", () => {
    // Upstream's one commit since the merge base: picking it alone is merging the tips.
    const trace = join(scratchDir('npm-moves-trace'), 'git-trace.txt');
    const { status, stdout } = runCli(['v1.0', '--no-fetch', '--format', 'json'], { cwd: fork.fixture.clone, env: { GIT_TRACE: trace } });
    expect(status).toBe(0);
    const merges = readFileSync(trace, 'utf8').split('\n').filter((line) => /built-in: git merge-tree\b/.test(line));
    expect(merges).toHaveLength(1);
    const { sync } = JSON.parse(stdout) as Report;
    expect(sync?.merge.conflicts.map((conflict) => conflict.path)).toEqual(['package.json', 'site/package.json']);
    expect(sync?.picks).toEqual([expect.objectContaining({ sha: fork.fixture.shas.zodBump, result: 'conflict', conflicts: ['package.json', 'site/package.json'] })]);
  });
});
