/** Types for outcome.js, which tests import. */
import type { SpawnSyncReturns } from 'node:child_process';

export interface Verdict {
  outcome: string;
  detail: string;
}

export interface FuzzCore {
  auditDiffFile(options: { diffFile: string }): Promise<unknown>;
  jsonReporter(reports: never[], options: { isColor: boolean; width: number }): Iterable<string>;
  isForkdiffError(error: unknown): boolean;
  schemaErrors(document: unknown): string[];
}

export const GOOD_OUTCOMES: readonly string[];
export function runInProcess(file: string, core: FuzzCore): Promise<Verdict>;
export function classifySpawned(result: SpawnSyncReturns<string>, schemaErrors: (document: unknown) => string[]): Verdict;
