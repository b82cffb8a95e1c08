import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { diffFixture } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';
import { scratchDir } from '../helpers/scratch.js';

/** Every shared option reaches `forkdiff baseline`, whether it comes before or after the subcommand. */
let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

const forkdiff = (...args: string[]) => runCli(args, { cwd: fixture.clone });
const accepted = (path: string): number => (JSON.parse(readFileSync(path, 'utf8')) as { accepted: unknown[] }).accepted.length;

describe('forkdiff baseline honours the shared options', () => {
  it('--no-fetch, after the subcommand: nothing fetched yet, so it says how to get the ref', () => {
    const { status, stderr } = forkdiff('baseline', 'v0.11', '--no-fetch', '--baseline', 'other.json');
    expect(status).toBe(2);
    expect(stderr).toMatch(/^forkdiff: no upstream\/v0\.11 in this clone .*run without --no-fetch/);
    expect(existsSync(join(fixture.clone, 'other.json'))).toBe(false);
    expect(existsSync(join(fixture.clone, '.forkdiff-baseline.json'))).toBe(false);
  });

  it('--no-fetch before the subcommand too', () => {
    const { status, stderr } = forkdiff('--no-fetch', 'baseline', 'v0.11');
    expect(status).toBe(2);
    expect(stderr).toMatch(/run without --no-fetch/);
  });

  it('--baseline, after and before the subcommand, names the file written', () => {
    expect(forkdiff('baseline', 'v0.11', '--baseline', 'first.json').status).toBe(0); // fetches
    const after = forkdiff('baseline', 'v0.11', '--no-fetch', '--baseline', 'other.json');
    expect(after.status).toBe(0);
    expect(after.stderr).toMatch(/wrote \d+ accepted findings to .*\/other\.json\n$/);
    const before = forkdiff('--no-fetch', '--baseline', 'third.json', 'baseline', 'v0.11');
    expect(before.status).toBe(0);
    expect(accepted(join(fixture.clone, 'other.json'))).toBeGreaterThan(5);
    expect(readFileSync(join(fixture.clone, 'third.json'), 'utf8')).toBe(readFileSync(join(fixture.clone, 'other.json'), 'utf8'));
    expect(existsSync(join(fixture.clone, '.forkdiff-baseline.json'))).toBe(false);
  });

  it('--upstream and --origin, after the subcommand', () => {
    expect(forkdiff('baseline', 'v0.11', '--upstream', 'nope').stderr).toMatch(/no remote named "nope" for the upstream side/);
    expect(forkdiff('baseline', 'v0.11', '--origin', 'nope').stderr).toMatch(/no remote named "nope" for the fork side/);
    // A path as the upstream: fetched into a private namespace, and the audit is the same.
    const byPath = forkdiff('baseline', 'v0.11', '--upstream', fixture.upstream, '--baseline', 'by-path.json');
    expect(byPath.status).toBe(0);
    expect(readFileSync(join(fixture.clone, 'by-path.json'), 'utf8')).toBe(readFileSync(join(fixture.clone, 'first.json'), 'utf8'));
  });

  it('--config, after the subcommand: its baseline key decides the file', () => {
    writeFileSync(join(fixture.clone, 'ci.yml'), 'refs: [v0.11]\nbaseline: from-config.json\n');
    const { status } = forkdiff('baseline', '--no-fetch', '--config', 'ci.yml');
    expect(status).toBe(0);
    expect(accepted(join(fixture.clone, 'from-config.json'))).toBeGreaterThan(5);
  });

  it('--diff-file and its prefixes, after the subcommand, without a repository', () => {
    const directory = scratchDir('baseline-diff-file');
    const { status } = runCli(['baseline', '--diff-file', diffFixture('analysers/dockerfile.diff'), '--src-prefix', 'a/', '--dst-prefix', 'b/', '--baseline', 'b.json'], { cwd: directory });
    expect(status).toBe(0);
    expect(accepted(join(directory, 'b.json'))).toBe(8);
  });

  it('refuses a flag that only shapes the report, in one line', () => {
    const { status, stdout, stderr } = forkdiff('baseline', 'v0.11', '--no-fetch', '--check');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('forkdiff: --check does not apply to forkdiff baseline (see forkdiff baseline --help)\n');
  });
});
