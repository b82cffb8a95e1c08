import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

// forkdiff reads a diff once, file by file, and keeps little of it: most of
// what it allocates is garbage within the file. V8's defaults are tuned for
// long-lived servers instead: the young generation grows to 32 MB and the
// old one may grow up to four times its live size between full collections,
// so a 100 MB pair peaked at 350 MB of which half was garbage. These bounds
// take that back; the price is more full collections where much stays live
// (a 300 MB saved diff: 247 -> 152 MB, 10% more time; see README).

/** The young generation stops growing here (both semi-spaces; V8's default grows to 32 MB). */
export const YOUNG_GENERATION_BYTES = 16 * 2 ** 20;
/** Between full collections the old generation grows by this share of its live size. */
export const OLD_GENERATION_GROWTH_PERCENT = 30;

/** Whether the user chose a V8 flag of this family for node already (command line or NODE_OPTIONS). */
function userChose(flags: readonly string[], env: NodeJS.ProcessEnv): boolean {
  const given = [...process.execArgv, env['NODE_OPTIONS'] ?? ''].join(' ').replaceAll('_', '-');
  return flags.some((flag) => given.includes(flag));
}

const youngGenerationBytes = (): number =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

/**
 * Bounds the heap for a run. The old generation's growth is a flag V8 reads
 * at every full collection. The young generation's largest size is fixed
 * when the isolate starts, so its growth is stopped instead, the first time
 * a collection finds it at the bound (it doubles per step, from 1 MB).
 */
export function boundHeap(env: NodeJS.ProcessEnv = process.env): void {
  if (!userChose(['--heap-growing-percent'], env)) {
    setFlagsFromString(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
  }
  if (userChose(['--max-semi-space-size', '--min-semi-space-size', '--semi-space-growth-factor'], env)) return;
  const observer = new PerformanceObserver(() => {
    if (youngGenerationBytes() < YOUNG_GENERATION_BYTES) return;
    setFlagsFromString('--semi-space-growth-factor=1');
    observer.disconnect();
  });
  observer.observe({ entryTypes: ['gc'] });
}
