// A comparison of one forkdiff command with its baseline (one command or the
// sum of several) from the same rounds. The ratio is taken within each round
// and the median kept, so a load spike that slows one round slows both sides
// of its ratio.
import { median } from './rounds.js';

const sum = (values) => (values.some((value) => value === null || value === undefined) ? null : values.reduce((total, value) => total + value, 0));

/** Per-round values of `pick(forkdiff run, baseline runs)`, for the rounds where all of them ran. */
function perRound(forkdiff, baselines, pick) {
  const values = [];
  forkdiff.runs.forEach((run, round) => {
    const others = baselines.map((baseline) => baseline.runs[round]);
    if (!run || others.some((other) => !other)) return;
    const value = pick(run, others);
    if (value !== null && Number.isFinite(value)) values.push(value);
  });
  return values;
}

/**
 * @param {{ label: string, forkdiff: string, baseline: string[], inputBytes?: number, rssLimitBytes?: number, isShare?: boolean, target?: string }} comparison
 * @param {object[]} results the case's commands as runRounds returns them
 */
export function compare(comparison, results) {
  const byLabel = new Map(results.map((result) => [result.label, result]));
  const forkdiff = byLabel.get(comparison.forkdiff);
  const baselines = comparison.baseline.map((label) => byLabel.get(label));
  const ratios = perRound(forkdiff, baselines, (run, others) => run.seconds / sum(others.map((other) => other.seconds)));
  const cpuRatios = perRound(forkdiff, baselines, (run, others) => (run.cpuSeconds === null ? null : run.cpuSeconds / sum(others.map((other) => other.cpuSeconds))));
  const childCpu = (run) => (run.cpuSeconds === null || run.ownCpuSeconds === null ? null : run.cpuSeconds - run.ownCpuSeconds);
  // Only where forkdiff ran git (a saved diff's run has none), against git or Node baselines (a share's baseline is forkdiff too).
  const childCpuRatios = comparison.isShare ? [] : perRound(forkdiff, baselines, (run, others) => {
    const children = childCpu(run);
    return children === null || children < 0.05 ? null : children / sum(others.map((other) => other.cpuSeconds));
  });
  const shares = perRound(forkdiff, baselines, (run, others) => run.seconds - sum(others.map((other) => other.seconds)));
  const peakRssBytes = forkdiff.peakRssBytes;
  return {
    ...comparison,
    error: forkdiff.error ?? baselines.find((baseline) => baseline.error)?.error ?? null,
    forkdiffSeconds: forkdiff.seconds,
    forkdiffCpuSeconds: forkdiff.cpuSeconds,
    baselineSeconds: sum(baselines.map((baseline) => baseline.seconds)),
    baselineCpuSeconds: sum(baselines.map((baseline) => baseline.cpuSeconds)),
    ratio: median(ratios),
    ratioRange: ratios.length > 0 ? [Math.min(...ratios), Math.max(...ratios)] : null,
    cpuRatio: median(cpuRatios),
    forkdiffOwnCpuSeconds: forkdiff.ownCpuSeconds,
    forkdiffChildCpuSeconds: forkdiff.childCpuSeconds,
    childCpuRatio: median(childCpuRatios),
    shareSeconds: comparison.isShare ? median(shares) : null,
    peakRssBytes,
    rssOverInput: comparison.inputBytes && peakRssBytes ? peakRssBytes / comparison.inputBytes : null,
    isRssWithinLimit: comparison.rssLimitBytes && peakRssBytes ? peakRssBytes < comparison.rssLimitBytes : null,
  };
}
