import type { FileDiff } from '../model.js';
import { parseHeader } from './headers.js';
import { parseHunks } from './hunks.js';
import type { Prefixes } from './prefixes.js';
import type { Section } from './sections.js';

/** One file section (a git or plain unified diff section) → the model, before classification. */
export function sectionToFileDiff(section: Section, context: { prefixes: Prefixes | null }): FileDiff {
  const firstHunk = section.lines.findIndex((line) => line.startsWith('@@'));
  const headerLines = firstHunk === -1 ? section.lines : section.lines.slice(0, firstHunk);
  const header = parseHeader(headerLines, context);
  const hunks = firstHunk === -1 ? [] : parseHunks(header.path, section.lines.slice(firstHunk));
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
