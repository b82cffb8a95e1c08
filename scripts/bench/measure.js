// Runs one command and reports its wall time and peak resident memory. GNU
// time's "Maximum resident set size" is exact (the kernel's high-water mark
// at exit); without it, /proc/<pid>/status VmHWM is polled, which is only as
// good as the last poll before exit.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setInterval, clearInterval } from 'node:timers';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = existsSync(GNU_TIME);

/** `VmHWM` of a running process in kB, or 0 once it is gone. */
function highWaterKb(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The first child of `pid` (the command GNU time runs), or null before it has started. */
function firstChild(pid) {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
    return children[0] ? Number(children[0]) : null;
  } catch {
    return null;
  }
}

/**
 * Wall time and peak RSS of the whole process tree (`peakRssBytes`: the
 * largest single process, as GNU time reports it, which for forkdiff's git
 * mode may be git), and of the command's own process (`ownPeakRssBytes`,
 * polled, so only as good as the last poll before exit).
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, stdoutToNull?: boolean, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ seconds: number, peakRssBytes: number, ownPeakRssBytes: number }>}
 */
export async function measure(command, args, { cwd, stdoutToNull = false, env = process.env } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'forkdiff-measure-'));
  const timeFile = join(scratch, 'time.txt');
  const devNull = stdoutToNull ? openSync('/dev/null', 'w') : 'ignore';
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const child = spawn(file, argv, { cwd, env, stdio: ['ignore', devNull, 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let polledKb = 0;
  let ownPid = hasGnuTime ? null : child.pid;
  const poll = setInterval(() => {
    ownPid ??= firstChild(child.pid);
    if (ownPid !== null) polledKb = Math.max(polledKb, highWaterKb(ownPid));
  }, 20);
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(poll);
  if (typeof devNull === 'number') closeSync(devNull);
  const timeText = hasGnuTime && existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  rmSync(scratch, { recursive: true, force: true });
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}: ${stderr.trim() || timeText.trim()}`);
  const rssKb = hasGnuTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timeText)?.[1] ?? 0) : polledKb;
  return { seconds, peakRssBytes: rssKb * 1024, ownPeakRssBytes: polledKb * 1024 };
}

/** Best of `runs` (least wall time): the machine's noise only ever adds time. */
export async function measureBest(runs, command, args, options) {
  let best = null;
  for (let run = 0; run < runs; run += 1) {
    const result = await measure(command, args, options);
    if (!best || result.seconds < best.seconds) {
      best = {
        ...result,
        peakRssBytes: Math.max(result.peakRssBytes, best?.peakRssBytes ?? 0),
        ownPeakRssBytes: Math.max(result.ownPeakRssBytes, best?.ownPeakRssBytes ?? 0),
      };
    }
  }
  return best;
}
