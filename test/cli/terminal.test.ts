import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, git } from '../git/fixtureRepo.js';
import type { ForkFixture } from '../git/fixtureRepo.js';
import { diffFixture } from '../helpers/paths.js';
import { runCli } from '../helpers/runCli.js';
import { hasScript, runInTerminal } from '../helpers/runInTerminal.js';

/** Colour and progress as a terminal receives them: chalk's detection, NO_COLOR, --no-color, --no-progress. */
let fixture: ForkFixture & { remove(): void };
beforeAll(async () => {
  fixture = await buildFixture();
});
afterAll(() => fixture.remove());

// eslint-disable-next-line no-control-regex -- looking for SGR escapes is the point
const SGR = /\u001b\[\d+m/;
const diff = diffFixture('analysers/dockerfile.diff');

describe.skipIf(!hasScript)('on a terminal', () => {
  const inTerminal = (args: string[], env: NodeJS.ProcessEnv = {}) => runInTerminal(args, { cwd: fixture.clone, env });

  it('colours the tables', () => {
    const { status, output } = inTerminal(['--diff-file', diff]);
    expect(status).toBe(0);
    expect(output).toMatch(SGR);
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }, []],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }, []],
    ['TERM=dumb', { TERM: 'dumb' }, []],
    ['--no-color', {}, ['--no-color']],
    ['NO_COLOR over FORCE_COLOR=1', { NO_COLOR: '1', FORCE_COLOR: '1' }, []],
  ])('no colour with %s', (_name, env, flags) => {
    const { status, output } = inTerminal(['--diff-file', diff, ...flags], env);
    expect(status).toBe(0);
    expect(output).toContain('base image of stage');
    expect(output).not.toMatch(SGR);
  });

  it('shows fetch progress on stderr, and none with --no-progress or --quiet', () => {
    const first = inTerminal(['v0.11', '--format', 'json']);
    expect(first.status).toBe(0);
    expect(first.output).toMatch(/\rgit fetch: /);
    for (const flag of ['--no-progress', '--quiet']) {
      // Something new to fetch, so git would have progress to show.
      git(fixture.upstream, 'commit', '-q', '--allow-empty', '-m', `upstream moves on before ${flag}`);
      const quiet = inTerminal(['v0.11', '--format', 'json', flag]);
      expect(quiet.status).toBe(0);
      expect(quiet.output).not.toMatch(/git fetch: |reading the diff/);
      expect(git(fixture.clone, 'log', '-1', '--format=%s', 'upstream/v0.11')).toBe(`upstream moves on before ${flag}`);
    }
  });
});

describe('off a terminal', () => {
  it('colours only when FORCE_COLOR asks, as chalk decides', () => {
    expect(runCli(['--diff-file', diff], { env: { NO_COLOR: undefined } }).stdout).not.toMatch(SGR);
    expect(runCli(['--diff-file', diff], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(SGR);
  });
});
