import { Readable } from 'node:stream';
import type { FileDiff } from '../model.js';
import { unfence } from './fence.js';
import { sectionToFileDiff } from './fileDiff.js';
import { readLines } from './lineStream.js';
import type { Prefixes } from './prefixes.js';
import { splitSections } from './sections.js';

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
  notices: string[];
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
    notices: [],
  };
  async function* noteContent(lines: AsyncIterable<string>): AsyncGenerator<string> {
    for await (const line of lines) {
      if (!state.hasContent && line.trim() !== '') state.hasContent = true;
      yield line;
    }
  }
  async function* files(): AsyncGenerator<FileDiff> {
    for await (const section of splitSections(unfence(noteContent(readLines(input))))) {
      state.sectionCount += 1;
      if (section.kind === 'combined') {
        const name = section.lines[0]?.replace(/^diff --(cc|combined) /, '') ?? '';
        state.notices.push(`skipped combined (merge) diff for ${name}: forkdiff reads two-sided diffs only`);
        continue;
      }
      yield sectionToFileDiff(section, state);
    }
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
  return { files: collected, notices: state.notices, prefixes: state.prefixes };
}
