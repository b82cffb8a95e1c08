/** Types for mutate.js, which tests import. */
export interface CorpusEntry {
  name: string;
  bytes: Buffer;
}

export interface FuzzCase {
  index: number;
  /** The fixture and the mutations applied, e.g. `combined.diff + truncate + lineEnds`. */
  name: string;
  bytes: Buffer;
}

export function loadCorpus(dir: string): CorpusEntry[];
export function makeCase(corpus: CorpusEntry[], seed: number, index: number, limits?: { longLineBytes: number }): FuzzCase;
