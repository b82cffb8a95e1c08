// The cases by id, in the order a run takes them (FORKDIFF_BENCH_CASES picks some).
import { dense, pair100 } from './gitPairs.js';
import { commits3000, pair2000 } from './linearPairs.js';
import { saved300, savedDense } from './savedDiffs.js';
import small from './small.js';

export const CASES = { small, pair2000, commits3000, dense, pair100, 'saved-dense': savedDense, saved300 };
