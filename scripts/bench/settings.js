// What a bench run measures, from the environment. Every size can be made
// small for development; the defaults are the issue-16 inputs and a full run
// takes about 15-20 minutes on the 2-core development machine.
const number = (name, fallback) => {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, got ${JSON.stringify(text)}`);
  return value;
};

export const CASE_IDS = ['small', 'pair2000', 'commits3000', 'dense', 'pair100', 'saved-dense', 'saved300'];

/** The cases a run takes: FORKDIFF_BENCH_CASES, else every case whose input is not turned off. */
function selectedCases(sizes) {
  const text = process.env.FORKDIFF_BENCH_CASES;
  if (!text) {
    return CASE_IDS.filter((id) => (id === 'pair100' ? sizes.pairMb > 0 : id === 'saved300' ? process.env.FORKDIFF_BENCH_MB !== undefined && sizes.savedMb > 0 : true));
  }
  const wanted = text.split(',').map((id) => id.trim()).filter(Boolean);
  const unknown = wanted.filter((id) => !CASE_IDS.includes(id));
  if (unknown.length > 0) throw new Error(`FORKDIFF_BENCH_CASES: unknown case ${unknown.join(', ')} (cases: ${CASE_IDS.join(', ')})`);
  return CASE_IDS.filter((id) => wanted.includes(id));
}

export function readSettings() {
  const sizes = {
    /** Files of the generated pair (pair2000, commits3000). */
    pairFiles: number('FORKDIFF_BENCH_FILES', 2000),
    /** Commits per side of commits3000. */
    commits: number('FORKDIFF_BENCH_COMMITS', 3000),
    /** Files of the dense pair; each has 25 hunks, about 10 KB of two-tip diff. */
    denseFiles: number('FORKDIFF_BENCH_DENSE_FILES', 10000),
    /** Two-tip diff of the bench's original pair, MB (0 leaves pair100 out of the defaults). */
    pairMb: number('FORKDIFF_BENCH_GIT_MB', 100),
    /** The original synthetic saved diff, MB; saved300 runs by default only when this is set. */
    savedMb: number('FORKDIFF_BENCH_MB', 300),
  };
  return {
    sizes,
    cases: selectedCases(sizes),
    rounds: Math.max(1, Math.round(number('FORKDIFF_BENCH_ROUNDS', 3))),
    /** No new round of a case starts after this many seconds of its rounds. */
    caseSeconds: number('FORKDIFF_BENCH_CASE_SECONDS', 120),
    timeoutSeconds: number('FORKDIFF_BENCH_TIMEOUT', 900),
    isKept: process.env.FORKDIFF_BENCH_KEEP === '1',
  };
}
