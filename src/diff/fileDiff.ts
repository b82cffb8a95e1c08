import type { FileDiff } from '../model.js';
import { parseHeader } from './headers.js';
import { parseHunks } from './hunks.js';
import type { Prefixes } from './prefixes.js';
import type { Section } from './sections.js';

/** One file section (a git or plain unified diff section) → the model, before classification. */
export function sectionToFileDiff(section: Section, context: { prefixes: Prefixes | null; notices: string[] }): FileDiff {
  const firstHunk = section.lines.findIndex((line) => line.startsWith('@@'));
  const headerLines = firstHunk === -1 ? section.lines : section.lines.slice(0, firstHunk);
  const header = parseHeader(headerLines, context);
  const { hunks, problems } = firstHunk === -1 ? { hunks: [], problems: [] } : parseHunks(header.path, section.lines.slice(firstHunk));
  context.notices.push(...problems);
  let additions = 0;
  let deletions = 0;
  for (const hunk of hunks) {
    additions += hunk.additions;
    deletions += hunk.deletions;
  }
  return {
    ...header,
    additions,
    deletions,
    categories: [],
    otherKind: null,
    module: null,
    side: null,
    hunks,
  };
}
