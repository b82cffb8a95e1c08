#!/usr/bin/env node
// `npm run bench`: how fast forkdiff reads a huge fork diff and how much
// memory it needs, next to git reading the same input. Developers run it;
// CI does not. Sizes: FORKDIFF_BENCH_MB (diff file, default 300) and
// FORKDIFF_BENCH_GIT_MB (git mode two-tip diff, default 100; 0 skips).
// Inputs are generated under the OS temp dir and removed afterwards unless
// FORKDIFF_BENCH_KEEP=1; figures go to stdout and .bench/results.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeGitPair } from './bench/gitPair.js';
import { measure } from './bench/measure.js';
import { formatRuns, mb } from './bench/results.js';
import { writeSyntheticDiff } from './bench/syntheticDiff.js';

const MB = 1024 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const diffMb = Number(process.env.FORKDIFF_BENCH_MB ?? 300);
const gitMb = Number(process.env.FORKDIFF_BENCH_GIT_MB ?? 100);
const isKept = process.env.FORKDIFF_BENCH_KEEP === '1';
const node = process.execPath;

/** Diff-file mode: forkdiff against git's own parser (`git apply --numstat`) and two floors. */
async function benchDiffFile(work) {
  const diff = join(work, 'fork.diff');
  console.error(`bench: writing a ${diffMb} MB synthetic diff to ${diff}`);
  const input = await writeSyntheticDiff(diff, diffMb * MB);
  const report = join(work, 'report.json');
  // git apply ignores paths outside the current directory when run inside a
  // repository, so it runs from the scratch dir; -p2 strips `upstream/v0.11/`.
  const runs = [
    { label: 'cat > /dev/null', ...(await measure('cat', [diff], { stdoutToNull: true })) },
    { label: 'wc -l', ...(await measure('wc', ['-l', diff])) },
    { label: 'git apply --numstat -p2', ...(await measure('git', ['apply', '--numstat', '-p2', diff], { cwd: work, stdoutToNull: true })) },
    { label: 'forkdiff --diff-file --format json', ...(await measure(node, [cli, '--diff-file', diff, '--format', 'json', '--output', report], { cwd: work })) },
  ];
  const [, , gitApply, forkdiff] = runs;
  return {
    inputBytes: input.bytes,
    sections: input.sections,
    largestSection: { bytes: input.largestSectionBytes, path: input.largestSectionPath },
    reportBytes: statSync(report).size,
    runs,
    ratioToGitApply: forkdiff.seconds / gitApply.seconds,
    rssOverLargestSection: forkdiff.peakRssBytes / input.largestSectionBytes,
  };
}

/** Git mode needs `--no-fetch`, which only the git-mode CLI has. */
function hasGitMode() {
  const help = execFileSync(node, [cli, '--help'], { encoding: 'utf8' });
  return help.includes('--no-fetch');
}

/** Git mode: `git diff` of the two tips against `forkdiff v0.11 --no-fetch` in a fork clone. */
async function benchGitMode(work) {
  console.error(`bench: building an upstream/fork pair with a ~${gitMb} MB two-tip diff`);
  const { clone, files } = await makeGitPair(work, gitMb * MB);
  const diffBytes = Number(execFileSync('sh', ['-c', 'git diff --no-color --no-ext-diff -M upstream/v0.11 origin/v0.11 | wc -c'], { cwd: clone, encoding: 'utf8' }));
  const report = join(work, 'git-report.json');
  const runs = [
    { label: 'git diff -M upstream origin', ...(await measure('git', ['diff', '--no-color', '--no-ext-diff', '-M', 'upstream/v0.11', 'origin/v0.11'], { cwd: clone, stdoutToNull: true })) },
    { label: 'forkdiff v0.11 --no-fetch --format json', ...(await measure(node, [cli, 'v0.11', '--no-fetch', '--format', 'json', '--output', report], { cwd: clone })) },
  ];
  return { diffBytes, files, runs, ratioToGitDiff: runs[1].seconds / runs[0].seconds };
}

function printDiffFile(result) {
  console.log(formatRuns(`diff-file mode: ${mb(result.inputBytes)} diff, ${result.sections} file sections`, result.inputBytes, result.runs));
  console.log(`largest file section: ${mb(result.largestSection.bytes)} (${result.largestSection.path})`);
  console.log(`forkdiff / git apply --numstat: ${result.ratioToGitApply.toFixed(2)}x time; peak RSS = ${result.rssOverLargestSection.toFixed(1)}x the largest section; report ${mb(result.reportBytes)}`);
}

function printGitMode(result) {
  console.log(formatRuns(`git mode: ${mb(result.diffBytes)} two-tip diff, ${result.files} files in the tree`, result.diffBytes, result.runs));
  console.log(`forkdiff / git diff: ${result.ratioToGitDiff.toFixed(2)}x time (aim: under 3x)`);
  const forkdiff = result.runs[1];
  console.log(`forkdiff's own process: ${mb(forkdiff.ownPeakRssBytes)} peak RSS (the column above is the largest process in its tree, which may be a git child)`);
}

if (!existsSync(cli)) {
  console.error(`bench: ${cli} is missing (run npm run build first, or npm run bench)`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'forkdiff-bench-'));
const results = { date: new Date().toISOString(), node: process.version, diffFile: null, gitMode: null };
try {
  if (diffMb > 0) {
    results.diffFile = await benchDiffFile(work);
    printDiffFile(results.diffFile);
  }
  if (gitMb > 0 && !hasGitMode()) console.log('\ngit mode not available yet: skipped');
  else if (gitMb > 0) {
    results.gitMode = await benchGitMode(work);
    console.log('');
    printGitMode(results.gitMode);
  }
} finally {
  if (isKept) console.error(`bench: inputs kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
mkdirSync(join(root, '.bench'), { recursive: true });
writeFileSync(join(root, '.bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
