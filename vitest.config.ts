import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Most test time is spent waiting on child processes (git, the built CLI,
    // chromium), so one worker per core leaves cores idle; vitest's default
    // (cores - 1) is a single worker on a 2-core CI machine.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
