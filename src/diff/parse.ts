import { Readable } from 'node:stream';
import type { FileDiff } from '../model.js';
import { createUnfence } from './fence.js';
import { readLineBatches } from './lineStream.js';
import { createNoticeList } from './notices.js';
import type { Prefixes } from './prefixes.js';
import { startSection } from './sectionAccumulator.js';
import { createSectionSplitter } from './sections.js';

export interface ReadDiffOptions {
  /** Known prefixes (`--src-prefix` / `--dst-prefix`); detected from the input when absent. */
  srcPrefix?: string;
  dstPrefix?: string;
}

/** What was seen while reading, for error messages and notices. */
export interface DiffReadState {
  prefixes: Prefixes | null;
  sectionCount: number;
  hasContent: boolean;
  /** What was wrong in the diff; `list()` gives them, capped (see notices.ts). */
  notices: ReturnType<typeof createNoticeList>;
}

/**
 * Streams a diff (plain or in a ```diff fence) and yields one FileDiff per
 * file section; memory is bounded by the largest section, not the input.
 */
export function readDiff(
  input: AsyncIterable<Buffer | string>,
  options: ReadDiffOptions = {},
): { files: AsyncGenerator<FileDiff>; state: DiffReadState } {
  const state: DiffReadState = {
    prefixes: options.srcPrefix !== undefined || options.dstPrefix !== undefined
      ? { src: options.srcPrefix ?? '', dst: options.dstPrefix ?? '' }
      : null,
    sectionCount: 0,
    hasContent: false,
    notices: createNoticeList(),
  };
  // Lines are handled synchronously within each chunk's batch; only whole files are yielded.
  async function* files(): AsyncGenerator<FileDiff> {
    const isDiffLine = createUnfence();
    let section: ReturnType<typeof startSection> | null = null;
    // At most a file or two: each is yielded right after the line that ends it.
    const finished: FileDiff[] = [];
    const endSection = (): void => {
      const file = section?.finish() ?? null;
      if (file) finished.push(file);
    };
    const splitter = createSectionSplitter((line, role) => {
      if (role === 'preamble') return;
      if (role === 'continues') {
        section?.push(line);
        return;
      }
      endSection();
      state.sectionCount += 1;
      section = startSection(role, line, state);
    });
    for await (const batch of readLineBatches(input)) {
      for (const line of batch) {
        if (!state.hasContent && line.trim() !== '') state.hasContent = true;
        if (!isDiffLine(line)) continue;
        splitter.push(line);
        while (finished.length > 0) yield finished.shift() as FileDiff;
      }
    }
    splitter.flush();
    endSection();
    yield* finished;
  }
  return { files: files(), state };
}

/** The whole diff at once; for tests and small inputs. */
export async function parseDiffText(
  text: string,
  options: ReadDiffOptions = {},
): Promise<{ files: FileDiff[]; notices: string[]; prefixes: Prefixes | null }> {
  const { files, state } = readDiff(Readable.from([text]), options);
  const collected: FileDiff[] = [];
  for await (const file of files) collected.push(file);
  return { files: collected, notices: state.notices.list(), prefixes: state.prefixes };
}
