import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseConfig } from '../../src/check/configParse.js';
import { buildFixture, git } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { projectRoot } from '../helpers/paths.js';
import { snapshot } from '../helpers/repoSnapshot.js';
import { runCli } from '../helpers/runCli.js';
import { scratchDir } from '../helpers/scratch.js';

let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
  expect(runCli(['v0.11', '--format', 'json'], { cwd: fixture.clone }).status).toBe(0); // fetches upstream/v0.11
});
afterAll(() => fixture.remove());

const forkdiff = (...args: string[]) => runCli(args, { cwd: fixture.clone });
const configSchema = JSON.parse(readFileSync(join(projectRoot, 'schema/config.schema.json'), 'utf8'));
const isSchemaValid = new Ajv({ strict: true, allowUnionTypes: true }).compile(configSchema);

describe('forkdiff init', () => {
  it('writes .forkdiff.yml at the clone\'s root with the remotes and the shared branch detected, every key commented', () => {
    const before = snapshot(fixture.clone);
    const { status, stdout, stderr } = runCli(['init'], { cwd: join(fixture.clone, 'client') });
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('forkdiff: wrote ../.forkdiff.yml (upstream upstream, origin origin, refs v0.11)\n');
    const text = readFileSync(join(fixture.clone, '.forkdiff.yml'), 'utf8');
    expect(parseConfig(text, '.forkdiff.yml')).toMatchObject({ upstream: 'upstream', origin: 'origin', refs: ['v0.11'], baseline: '.forkdiff-baseline.json', expect: [] });
    expect(isSchemaValid(parseDocument(text).toJS())).toBe(true);
    const lines = text.split('\n');
    const keys = lines.flatMap((line, index) => (/^[a-z]+:/.test(line) ? [index] : []));
    expect(keys.map((index) => lines[index]?.split(':')[0])).toEqual(['upstream', 'origin', 'refs', 'baseline', 'categories', 'ignore', 'expect']);
    for (const index of keys) expect(lines[index - 1]).toMatch(/^#/);
    // Nothing else of the user's changed: the only difference is the new file.
    const after = snapshot(fixture.clone);
    expect(Object.keys(after.tree).filter((path) => !(path in before.tree))).toEqual(['.forkdiff.yml']);
    expect({ ...after, tree: null, status: null }).toEqual({ ...before, tree: null, status: null });
  });

  it('gives forkdiff its refs: --check with no ref audits v0.11', () => {
    const { status, stderr } = forkdiff('--check', '--no-fetch');
    expect(status).toBe(1);
    expect(stderr).toMatch(/^forkdiff check: \d+ unexpected findings/);
  });

  it('refuses to overwrite, in one line, exit 2', () => {
    const before = readFileSync(join(fixture.clone, '.forkdiff.yml'), 'utf8');
    const { status, stdout, stderr } = forkdiff('init', 'v0.10');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('forkdiff: .forkdiff.yml already exists: edit it, or move it away to start again\n');
    expect(readFileSync(join(fixture.clone, '.forkdiff.yml'), 'utf8')).toBe(before);
  });

  it('takes refs, remotes, --config and --baseline from the command line', () => {
    mkdirSync(join(fixture.clone, 'ci'));
    const { status } = forkdiff('init', 'v0.10', '0.11', '--upstream', fixture.upstream, '--config', 'ci/forkdiff.yml', '--baseline', 'accepted.json');
    expect(status).toBe(0);
    const config = parseConfig(readFileSync(join(fixture.clone, 'ci/forkdiff.yml'), 'utf8'), 'ci/forkdiff.yml');
    expect(config).toMatchObject({ upstream: fixture.upstream, origin: 'origin', refs: ['v0.10', '0.11'], baseline: 'accepted.json' });
  });

  it('says what it could not detect', () => {
    const clone = join(fixture.root, 'no-upstream');
    git(fixture.root, 'clone', '-q', fixture.fork, clone);
    const { status, stderr } = runCli(['init'], { cwd: clone });
    expect(status).toBe(0);
    expect(stderr).toMatch(/^forkdiff: no upstream remote found: set upstream: to its URL/m);
    expect(readFileSync(join(clone, '.forkdiff.yml'), 'utf8')).toMatch(/^# upstream: https:\/\/github\.com\/OWNER\/REPO\.git$/m);
  });

  it.each([
    [['init', '--config', 'no/such/dir/x.yml'], /^forkdiff: cannot write no\/such\/dir\/x\.yml: its folder does not exist/],
    [['init', '--format', 'json'], /^forkdiff: --format does not apply to forkdiff init/],
  ])('%j is one line, exit 2', (args, message) => {
    const { status, stderr } = forkdiff(...args);
    expect(status).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('outside a git repository: one line, exit 2', () => {
    const { status, stderr } = runCli(['init'], { cwd: scratchDir('init-norepo') });
    expect(status).toBe(2);
    expect(stderr).toMatch(/^forkdiff: not a git repository: .* \(run forkdiff init inside a clone of the fork/);
  });
});
