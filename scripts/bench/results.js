// The bench's figures as text: per case, what the input is and every
// command's medians; at the end, one summary table. Tables are markdown
// (padded, so they read in a terminal too) to go into the README as printed.
const MB = 1024 * 1024;

export const mb = (bytes) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 2 : 1)} MB`;
const seconds = (value) => (value === null || value === undefined ? '?' : `${value.toFixed(value < 10 ? 2 : 1)} s`);
const times = (value) => (value === null || value === undefined ? '?' : `${value.toFixed(value < 10 ? 2 : 1)}×`);
const thousands = (value) => value.toLocaleString('en-US');

export function markdownTable(header, rows) {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** One line on what a case's input turned out to be. */
export function describeInput(facts) {
  const parts = [];
  if (facts.treeFiles !== undefined) parts.push(`${thousands(facts.treeFiles)} files in the tree`);
  if (facts.upstreamCommits !== undefined) {
    const merges = facts.upstreamMerges > 0 ? ` (${facts.upstreamMerges} of them merges)` : '';
    parts.push(`commits since the merge base: upstream ${thousands(facts.upstreamCommits)}${merges}, fork ${thousands(facts.forkCommits)}`);
  }
  const diff = facts.diff ?? (facts.sections !== undefined ? { bytes: facts.bytes, files: facts.sections } : null);
  if (diff) parts.push(`diff ${mb(diff.bytes)}, ${thousands(diff.files)} files${diff.hunks === undefined ? '' : `, ${thousands(diff.hunks)} hunks`}`);
  if (facts.largestSectionBytes) parts.push(`largest file section ${mb(facts.largestSectionBytes)}`);
  return parts.join('; ');
}

/**
 * The CPU a command's children used (forkdiff's git processes), or '' below
 * MIN_CHILD_CPU: a command that ran none still shows a few hundredths, its
 * last CPU ticks after the last poll.
 */
const childCpu = (result) => (result.childCpuSeconds === null || result.childCpuSeconds === undefined || result.childCpuSeconds < MIN_CHILD_CPU ? '' : seconds(result.childCpuSeconds));
const MIN_CHILD_CPU = 0.05;

/** Every command of a case: medians over the rounds, the range of wall times, and the highest peak RSS. */
export function formatCommands(results) {
  const rows = results.map((result) => [
    result.label,
    result.error ? `FAILED: ${result.error}` : `${seconds(result.seconds)} (${seconds(result.minSeconds)}–${seconds(result.maxSeconds)})`,
    result.error ? '' : seconds(result.cpuSeconds),
    result.error ? '' : childCpu(result),
    result.peakRssBytes ? mb(result.peakRssBytes) : '',
    result.ownPeakRssBytes ? mb(result.ownPeakRssBytes) : '',
  ]);
  // GNU time reports the largest process of the tree (for forkdiff in git mode, maybe a git child); the command's own is polled.
  return markdownTable(['command', 'wall, median (range)', 'CPU', 'of it, children', 'peak RSS', 'own (polled)'], rows);
}

/** One comparison as a line: forkdiff, its baseline, the ratios, and memory against its limit. */
export function formatComparison(comparison) {
  if (comparison.error) return `${comparison.label}: not measured (${comparison.error})`;
  const range = comparison.ratioRange ? ` (${times(comparison.ratioRange[0])}–${times(comparison.ratioRange[1])})` : '';
  const share = comparison.shareSeconds === null ? '' : `; share ${seconds(comparison.shareSeconds)}`;
  const rss = comparison.isRssWithinLimit === null ? '' : `; peak RSS ${mb(comparison.peakRssBytes)} ${comparison.isRssWithinLimit ? 'within' : 'ABOVE'} the limit of ${mb(comparison.rssLimitBytes)}`;
  const target = comparison.target ? ` (issue 16: ${comparison.target})` : '';
  // forkdiff's own git processes against the baseline's: the part of the ratio that git work sets.
  const git = comparison.childCpuRatio === null ? '' : `; its git processes alone ${times(comparison.childCpuRatio)} the baseline's CPU (${seconds(comparison.forkdiffChildCpuSeconds)}), Node ${seconds(comparison.forkdiffOwnCpuSeconds)}`;
  return `${comparison.label}: ${times(comparison.ratio)}${range} wall, ${times(comparison.cpuRatio)} CPU${share}${git}${rss}${target}`;
}

/** The final table: a row per comparison of every case. */
export function formatSummary(cases) {
  const rows = cases.flatMap(({ id, comparisons }) =>
    comparisons.map((comparison) => {
      if (comparison.error) return [id, comparison.label, `fails: ${comparison.error}`, '', '', '', '', '', comparison.target ?? ''];
      const range = comparison.ratioRange ? ` (${times(comparison.ratioRange[0])}–${times(comparison.ratioRange[1])})` : '';
      const rss = comparison.peakRssBytes ? `${mb(comparison.peakRssBytes)}${comparison.rssOverInput ? ` (${comparison.rssOverInput.toFixed(2)}× input)` : ''}` : '';
      return [
        id,
        comparison.label,
        `${seconds(comparison.forkdiffSeconds)} (CPU ${seconds(comparison.forkdiffCpuSeconds)})`,
        `${seconds(comparison.baselineSeconds)} (CPU ${seconds(comparison.baselineCpuSeconds)})`,
        `${times(comparison.ratio)}${range}${comparison.shareSeconds === null ? '' : `, +${seconds(comparison.shareSeconds)}`}`,
        times(comparison.cpuRatio),
        comparison.childCpuRatio === null ? '' : `${seconds(comparison.forkdiffChildCpuSeconds)}, ${times(comparison.childCpuRatio)}`,
        rss,
        comparison.target ?? '',
      ];
    }),
  );
  return markdownTable(['case', 'comparison', 'forkdiff wall (CPU)', 'baseline wall (CPU)', 'ratio, wall (range)', 'ratio, CPU', "forkdiff's git CPU, × baseline CPU", 'forkdiff peak RSS', 'issue 16 asks'], rows);
}
