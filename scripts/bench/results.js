// The bench's figures as a compact plain-text table (stdout) and as JSON.
const MB = 1024 * 1024;

const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;
const pad = (text, width) => String(text).padEnd(width);
const padLeft = (text, width) => String(text).padStart(width);

/** One row per measured command: time, throughput over the input, peak RSS and RSS / input. */
export function formatRuns(title, inputBytes, runs) {
  const lines = [title, `${pad('command', 44)}${padLeft('time', 9)}${padLeft('MB/s', 9)}${padLeft('peak RSS', 12)}${padLeft('RSS/input', 11)}`];
  for (const run of runs) {
    lines.push(
      `${pad(run.label, 44)}${padLeft(`${run.seconds.toFixed(2)} s`, 9)}${padLeft((inputBytes / MB / run.seconds).toFixed(0), 9)}` +
        `${padLeft(mb(run.peakRssBytes), 12)}${padLeft((run.peakRssBytes / inputBytes).toFixed(2), 11)}`,
    );
  }
  return lines.join('\n');
}

export { mb };
