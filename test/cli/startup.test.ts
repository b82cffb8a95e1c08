import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath, diffFixture, projectRoot } from '../helpers/paths.js';
import { scratchDir } from '../helpers/scratch.js';

/** The modules a run of the built binary imports (through a resolve hook), as paths relative to the project. */
function importsOf(args: string[]): string[] {
  const trace = join(scratchDir('imports'), 'trace.txt');
  const result = spawnSync(process.execPath, ['--import', join(projectRoot, 'test/helpers/traceImports.mjs'), cliPath, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORKDIFF_TRACE_IMPORTS: trace },
  });
  expect(result.status).toBe(0);
  return [...new Set(readFileSync(trace, 'utf8').split('\n').filter((url) => url.startsWith('file:')).map((url) => url.slice(`file://${projectRoot}/`.length)))];
}

const HEAVY = /node_modules\/(chalk|zod|yaml|simple-git|parse-diff|picomatch|semver)\/|dist\/(commands|reporters\/(table|markdown|json|sarif|quiet)|git|audit|classifiers|check)\//;

describe('start-up loads only what the command needs', () => {
  it('--version: the entry point and package.json, not even commander', () => {
    expect(importsOf(['--version']).sort()).toEqual(['dist/cli.js', 'dist/packageVersion.js']);
  });

  it('--help: commander and the option definitions, no command, reporter or analysis module', () => {
    const modules = importsOf(['--help']);
    expect(modules).toContain('node_modules/commander/esm.mjs');
    expect(modules.filter((path) => HEAVY.test(path))).toEqual([]);
  });

  it('a run loads the one reporter it renders with', () => {
    const modules = importsOf(['--diff-file', diffFixture('analysers/dockerfile.diff'), '--format', 'json']);
    expect(modules).toContain('dist/reporters/json.js');
    expect(modules).toContain('dist/heapBounds.js'); // every run but --version bounds V8's heap first
    expect(modules.filter((path) => /^dist\/reporters\/(table|markdown|sarif)\/|^dist\/reporters\/(quiet|github)\.js$/.test(path))).toEqual([]);
    expect(modules.filter((path) => /node_modules\/simple-git\//.test(path))).toEqual([]); // a saved diff needs no git client
  });

  it('zod loads only when there is a config, a baseline or a previous report to validate', () => {
    const zod = (modules: string[]): string[] => modules.filter((path) => path.startsWith('node_modules/zod/'));
    const run = ['--diff-file', diffFixture('analysers/dockerfile.diff'), '--format', 'json'];
    expect(zod(importsOf(run))).toEqual([]);
    const config = join(scratchDir('config'), 'forkdiff.yml');
    writeFileSync(config, 'refs: [v0.11]\n');
    expect(zod(importsOf([...run, '--config', config])).length).toBeGreaterThan(0);
  });
});
