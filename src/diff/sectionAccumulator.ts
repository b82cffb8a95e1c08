import type { FileDiff } from '../model.js';
import { toFileDiff } from './fileDiff.js';
import { parseHeader } from './headers.js';
import { createHunkBuilder } from './hunkBuilder.js';
import { parseHunks } from './hunks.js';
import type { NoticeSink } from './notices.js';
import type { Prefixes } from './prefixes.js';
import type { SectionKind } from './sections.js';

/**
 * Past this many characters a section stops being held: its header is parsed
 * and its hunks are built as the lines stream by, so a 100 MB hunk costs its
 * counts and kept lines, not its size. Below it, parse-diff reads the hunks.
 * A held section's lines live until it ends, long enough on a big file to be
 * promoted to V8's old generation, so the limit is kept small: nearly every
 * file in a diff is far smaller (the largest in the buildkit night is 16 KB).
 */
export const MAX_HELD_SECTION_CHARS = 1024 * 1024;

export interface ReadContext {
  prefixes: Prefixes | null;
  notices: NoticeSink;
}

/** One file's section as its lines arrive; `finish` gives its FileDiff (null for a skipped combined diff). */
export function startSection(kind: SectionKind, firstLine: string, context: ReadContext, limit = MAX_HELD_SECTION_CHARS): {
  push(line: string): void;
  finish(): FileDiff | null;
} {
  let held: string[] | null = [firstLine];
  let size = firstLine.length;
  let streamed: { header: ReturnType<typeof parseHeader>; builder: ReturnType<typeof createHunkBuilder> } | null = null;
  const report = (path: string) => (problem: string) => context.notices.push(`${path}: ${problem}`);

  const startStreaming = (lines: string[]): void => {
    const firstHunk = lines.findIndex((line) => line.startsWith('@@'));
    if (firstHunk === -1) return; // a huge header alone is not worth special handling
    const header = parseHeader(lines.slice(0, firstHunk), context);
    const builder = createHunkBuilder(header.path, report(header.path));
    for (const line of lines.slice(firstHunk)) builder.push(line);
    streamed = { header, builder };
    held = null;
  };

  // A section whose names are missing or empty (`diff --git xx`, `rename to ` and nothing
  // after it, /dev/null on both sides) cannot be reported by path: say so, leave it out.
  const named = (file: FileDiff): FileDiff | null => {
    if (file.path !== '') return file;
    context.notices.push(`left out a file section with no readable file name, starting ${JSON.stringify(firstLine.slice(0, 80))}`);
    return null;
  };

  return {
    push(line) {
      if (streamed) {
        streamed.builder.push(line);
        return;
      }
      held?.push(line);
      size += line.length + 1;
      if (kind !== 'combined' && size > limit && held) startStreaming(held);
    },
    finish() {
      if (streamed) return named(toFileDiff(streamed.header, streamed.builder.finish()));
      const lines = held ?? [];
      if (kind === 'combined') {
        const name = lines[0]?.replace(/^diff --(cc|combined) /, '') ?? '';
        context.notices.push(`skipped combined (merge) diff for ${name}: forkdiff reads two-sided diffs only`);
        return null;
      }
      const firstHunk = lines.findIndex((line) => line.startsWith('@@'));
      const header = parseHeader(firstHunk === -1 ? lines : lines.slice(0, firstHunk), context);
      const { hunks, problems } = firstHunk === -1 ? { hunks: [], problems: [] } : parseHunks(header.path, lines.slice(firstHunk));
      context.notices.push(...problems);
      return named(toFileDiff(header, hunks));
    },
  };
}
