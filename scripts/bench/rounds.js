// Interleaved rounds: every command of a case runs once per round, in
// reverse order every other round, so a change in the machine's load hits
// forkdiff and its baseline alike; a figure is the median over the rounds.
// On a shared, loaded machine the ratio within a round is what holds still.
// A case whose rounds are slow takes fewer of them: no round starts once the
// case has run for its budget, so a full run stays within ~20 minutes.
import { measure } from './measure.js';

export const median = (values) => {
  const sorted = values.filter((value) => value !== null && value !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** The line that says what went wrong: a crash's `RangeError: …` rather than the source line Node prints above it. */
const reason = (text) => {
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean);
  const line = lines.find((candidate) => /^(\w*Error|timed out|fatal|error)\b/.test(candidate)) ?? lines[0] ?? text;
  return line.slice(0, 200);
};

/** Medians (wall, CPU, own and children's CPU), the range of wall times, and the highest peak RSS of one command's runs. */
function summarise(result) {
  const runs = result.runs.filter(Boolean);
  const seconds = runs.map((run) => run.seconds);
  return {
    ...result,
    seconds: median(seconds),
    cpuSeconds: median(runs.map((run) => run.cpuSeconds)),
    ownCpuSeconds: median(runs.map((run) => run.ownCpuSeconds)),
    // What the command's children (forkdiff's git processes) used: the tree's CPU less its own, per run.
    childCpuSeconds: median(runs.map((run) => (run.cpuSeconds === null || run.ownCpuSeconds === null ? null : run.cpuSeconds - run.ownCpuSeconds))),
    minSeconds: runs.length > 0 ? Math.min(...seconds) : null,
    maxSeconds: runs.length > 0 ? Math.max(...seconds) : null,
    peakRssBytes: runs.length > 0 ? Math.max(...runs.map((run) => run.peakRssBytes)) : null,
    ownPeakRssBytes: runs.length > 0 ? Math.max(...runs.map((run) => run.ownPeakRssBytes)) : null,
  };
}

/**
 * @param {{ label: string, command: string, args: string[], options?: object }[]} commands
 * @param {{ rounds: number, caseSeconds: number, timeoutSeconds: number, log: (line: string) => void }} settings
 * @returns {Promise<{ rounds: number, commands: object[] }>} the rounds run, and per command, in the order
 *   given, its runs (null where it did not run) and their summary
 */
export async function runRounds(commands, { rounds, caseSeconds, timeoutSeconds, log }) {
  const results = commands.map(({ label }) => ({ label, runs: [], error: null }));
  const started = Date.now();
  let round = 0;
  for (; round < rounds && (round === 0 || Date.now() - started < caseSeconds * 1000); round += 1) {
    const order = [...commands.keys()];
    if (round % 2 === 1) order.reverse();
    for (const index of order) {
      const { label, command, args, options } = commands[index];
      const result = results[index];
      result.runs[round] = null;
      if (result.error) continue; // a command that failed once (a crash, a timeout) would fail again
      try {
        const run = await measure(command, args, { timeoutSeconds, ...options });
        result.runs[round] = run;
        log(`  round ${round + 1}: ${label}: ${run.seconds.toFixed(2)} s (CPU ${run.cpuSeconds?.toFixed(2) ?? '?'} s), ${(run.peakRssBytes / 1048576).toFixed(0)} MB`);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result.error = reason(message.replace(/^exited \d+: /, ''));
        result.errorText = message.slice(-2000);
        log(`  round ${round + 1}: ${label}: FAILED ${result.error}`);
      }
    }
  }
  return { rounds: round, commands: results.map(summarise) };
}
