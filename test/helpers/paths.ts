import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const diffFixture = (name: string): string => resolve(projectRoot, 'fixtures/diffs', name);
export const cliPath = resolve(projectRoot, 'dist/cli.js');

/** The real buildkit night lives in ../shared, which only developers and CI have. */
export const buildkitFixture = resolve(projectRoot, '../shared/fixtures/buildkit-v0.11.diff.md');
export const hasBuildkitFixture = existsSync(buildkitFixture);
export const buildkitSkipReason = `skipped: ${buildkitFixture} is absent (../shared is not beside the project)`;
