#!/usr/bin/env node
// Builds the fixture fork in .demo/ (fresh every time) and runs the built CLI
// in the maintainer's clone, as a maintainer would: `forkdiff v0.11`.
// Run through `npm run demo`, which builds dist/ first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeForkFixture } from '../fixtures/make-fork.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error(`demo: ${cli} is missing (run npm run build first)`);
  process.exit(2);
}

const { clone } = await makeForkFixture(join(root, '.demo'));
console.error(`demo: fixture fork built; running forkdiff v0.11 in ${clone}\n`);
const result = spawnSync(process.execPath, [cli, 'v0.11', ...process.argv.slice(2)], { cwd: clone, stdio: 'inherit' });
if (result.error) throw result.error;
process.exit(result.status ?? 1);
