import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/audit/assemble.js';
import { parseDiffText } from '../../src/diff/parse.js';
import type { FileDiff } from '../../src/model.js';
import { diffFixture } from '../helpers/paths.js';

async function* streamOf(files: FileDiff[], seen: string[]): AsyncGenerator<FileDiff> {
  for (const file of files) {
    seen.push(`parsed ${file.path}`);
    yield file;
  }
}

const meta = () => ({ upstream: null, fork: null, mergeBase: null, commits: null, notices: [] });

describe('assemble', () => {
  it('takes each file from parser to report alone: prepared, classified and kept before the next is parsed', async () => {
    const { files } = await parseDiffText(readFileSync(diffFixture('default-prefixes.diff'), 'utf8'));
    const seen: string[] = [];
    const report = await assemble(
      {
        mode: 'git',
        files: streamOf(files, seen),
        context: { mode: 'git', readFile: async () => null, linesOf: () => null, commitSubject: () => null, translate: (text) => text },
        prepare: async (batch) => {
          seen.push(`prepared ${batch.map((file) => file.path).join(',')}`);
          for (const file of batch) file.side = 'fork';
        },
      },
      meta,
    );
    expect(seen).toEqual(files.flatMap((file) => [`parsed ${file.path}`, `prepared ${file.path}`]));
    expect(report.files.map((file) => file.path)).toEqual(files.map((file) => file.path));
    expect(report.files.every((file) => file.side === 'fork')).toBe(true);
    // The report holds copies: the parser's objects are free to go as soon as each file is done.
    expect(report.files.every((file, index) => file !== files[index])).toBe(true);
    expect(report.files[0]?.categories.length).toBeGreaterThan(0);
  });
});
