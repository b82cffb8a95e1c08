// Runs one command and reports its wall time, CPU time and peak resident
// memory. GNU time's figures come from wait4(), so they are exact: "Maximum
// resident set size" is the kernel's high-water mark of the largest process
// in the tree, user and system time cover the command and every child it
// waited for (git included). Without GNU time, /proc/<pid>/status VmHWM is
// polled, which is only as good as the last poll before exit, and CPU time
// is not known. The command's own CPU time (its process alone, not its
// children) is polled from /proc/<pid>/stat the same way, so forkdiff's CPU
// splits into Node's and that of the git processes it ran.
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
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

/** Clock ticks per second of /proc's times (USER_HZ): 100 on every Linux architecture Node runs on. */
const USER_HZ = 100;

/** User plus system CPU seconds of a running process itself (not its children), or null once it is gone. */
function ownCpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After `pid (comm) `: state is the 3rd field, utime the 14th, stime the 15th; comm may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return null;
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

/** Seconds from GNU time's `-v` report, or null when it has no such line. */
const secondsOf = (text, label) => {
  const match = new RegExp(`${label} \\(seconds\\): ([\\d.]+)`).exec(text);
  return match ? Number(match[1]) : null;
};

/**
 * Wall time, CPU time (user + system of the command and its waited-for
 * children) and peak RSS of the whole process tree (`peakRssBytes`: the
 * largest single process, as GNU time reports it, which for forkdiff's git
 * mode may be git), and of the command's own process (`ownPeakRssBytes`,
 * `ownCpuSeconds`: polled, so only as good as the last poll before exit).
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, stdoutToNull?: boolean, env?: NodeJS.ProcessEnv, timeoutSeconds?: number }} options
 * @returns {Promise<{ seconds: number, cpuSeconds: number | null, ownCpuSeconds: number | null, peakRssBytes: number, ownPeakRssBytes: number }>}
 */
export async function measure(command, args, { cwd, stdoutToNull = false, env = process.env, timeoutSeconds = Infinity } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'forkdiff-measure-'));
  const timeFile = join(scratch, 'time.txt');
  const devNull = stdoutToNull ? openSync('/dev/null', 'w') : 'ignore';
  const [file, argv] = hasGnuTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  // A process group of its own, so a run past its time limit is ended with every child it started.
  const child = spawn(file, argv, { cwd, env, detached: true, stdio: ['ignore', devNull, 'pipe'] });
  let isTimedOut = false;
  const timer = Number.isFinite(timeoutSeconds)
    ? setTimeout(() => {
        isTimedOut = true;
        process.kill(-child.pid, 'SIGKILL');
      }, timeoutSeconds * 1000)
    : null;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  let polledKb = 0;
  let polledCpu = null;
  let ownPid = hasGnuTime ? null : child.pid;
  const poll = setInterval(() => {
    ownPid ??= firstChild(child.pid);
    if (ownPid === null) return;
    polledKb = Math.max(polledKb, highWaterKb(ownPid));
    polledCpu = ownCpuSeconds(ownPid) ?? polledCpu;
  }, 20);
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(poll);
  if (timer) clearTimeout(timer);
  if (typeof devNull === 'number') closeSync(devNull);
  const timeText = hasGnuTime && existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
  rmSync(scratch, { recursive: true, force: true });
  if (isTimedOut) throw new Error(`timed out after ${timeoutSeconds} s`);
  if (code !== 0) throw new Error(`exited ${code}: ${stderr.trim() || timeText.trim()}`);
  const rssKb = hasGnuTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(timeText)?.[1] ?? 0) : polledKb;
  const user = secondsOf(timeText, 'User time');
  const system = secondsOf(timeText, 'System time');
  const cpuSeconds = user === null || system === null ? null : user + system;
  // The command's own CPU, as last polled (up to 20 ms before it exits), never above the tree's.
  const ownCpu = polledCpu === null ? null : cpuSeconds === null ? polledCpu : Math.min(polledCpu, cpuSeconds);
  return { seconds, cpuSeconds, ownCpuSeconds: ownCpu, peakRssBytes: rssKb * 1024, ownPeakRssBytes: polledKb * 1024 };
}
