import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { YOUNG_GENERATION_BYTES } from '../src/heapBounds.js';
import { projectRoot } from './helpers/paths.js';

// The young generation's largest size while a fresh node churns through
// short-lived objects the way forkdiff's file loop does (yielding between
// batches), with or without the built boundHeap() called first.
const CHURN = `
import { getHeapSpaceStatistics } from 'node:v8';
import { setImmediate as tick } from 'node:timers/promises';
if (process.argv[1] === 'bound') (await import(${JSON.stringify(pathToFileURL(join(projectRoot, 'dist/heapBounds.js')).href)})).boundHeap();
let kept = [];
let largest = 0;
for (let round = 0; round < 120; round += 1) {
  for (let i = 0; i < 20000; i += 1) kept.push({ round, i, text: 'line ' + i });
  if (kept.length > 100000) kept = kept.slice(-50000);
  largest = Math.max(largest, getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size);
  await tick();
}
console.log(largest);
`;

function largestYoungGeneration(mode: 'bound' | 'default', nodeOptions = ''): number {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', CHURN, mode], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  expect(result.stderr).toBe('');
  return Number(result.stdout.trim());
}

// V8 grows the young generation in steps (doubling on Node 20, to 32 MB; to 128 MB on Node 24):
// bounded, it stops at the first step that reaches 16 MB.
describe('boundHeap', () => {
  it('stops the young generation at 16 MB, where V8 alone grows it further', () => {
    const unbounded = largestYoungGeneration('default');
    const bounded = largestYoungGeneration('bound');
    expect(unbounded).toBeGreaterThan(2 * YOUNG_GENERATION_BYTES - 1);
    expect(bounded).toBeGreaterThanOrEqual(YOUNG_GENERATION_BYTES);
    expect(bounded).toBeLessThan(2 * YOUNG_GENERATION_BYTES);
  });

  it('leaves the young generation alone when the user sized it through NODE_OPTIONS', () => {
    const chosen = largestYoungGeneration('bound', '--max-semi-space-size=16');
    expect(chosen).toBe(largestYoungGeneration('default', '--max-semi-space-size=16'));
    expect(chosen).toBeGreaterThan(2 * YOUNG_GENERATION_BYTES - 1);
  });
});
