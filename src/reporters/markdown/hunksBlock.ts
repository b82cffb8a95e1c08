import type { CategoryId, FileDiff, Hunk } from '../../model.js';
import { escapeHtml } from '../../text/html.js';
import { codeBlock } from '../../text/markdown.js';
import { plural } from '../../text/plural.js';
import { hunkParts } from '../hunkBlocks.js';
import { homeCategory, planHunks } from '../hunkPlan.js';
import type { HunksMode } from '../options.js';
import type { createUpstreamDigest } from '../upstreamDigest.js';

const PREFIX = { add: '+', del: '-', normal: ' ' } as const;

/** A hunk as one fenced diff; a `both` hunk with blocks gets a `@@ … @@ (side)` line before each block. */
function hunkFence(hunk: Hunk): string {
  const parts = hunkParts(hunk);
  const isSplit = hunk.blocks.length > 0;
  const lines = [hunk.header + (hunk.side ? ` (${hunk.side})` : '')];
  for (const part of parts) {
    if (isSplit) lines.push(`${part.header} (${part.side ?? 'side unknown'})`);
    for (const line of part.lines) lines.push(PREFIX[line.type] + line.content);
  }
  if (hunk.isTruncated) lines.push(`… ${hunk.additions + hunk.deletions} changed lines in all; the rest is not shown`);
  return codeBlock('diff', lines);
}

/** What the hunks block left out, for the sentence under it. */
export interface HunksTally {
  shown: number;
  summarised: number;
  hidden: number;
  elsewhere: number;
}

/**
 * The hunks of one category that `--hunks` prints, collapsed: a `<details>`
 * block per file, a fenced diff per hunk; as lines, one file at a time.
 * Upstream-only hunks go to `digest` instead. A file outside the category is
 * skipped before its hunks are touched, and each file's hunks are read once:
 * on a huge fork they are read back from disk on every access.
 */
export function* hunksBlock(
  category: CategoryId, shown: readonly CategoryId[], files: readonly FileDiff[], mode: HunksMode,
  digest: ReturnType<typeof createUpstreamDigest>, tally: HunksTally,
): Generator<string> {
  const isElsewhere = (hunk: Hunk): boolean => homeCategory(hunk, shown) !== category;
  for (const file of files) {
    if (!file.categories.includes(category)) continue;
    const plan = planHunks(file, file.hunks.filter((hunk) => hunk.categories.includes(category)), mode, isElsewhere);
    digest.add(file, plan.summarised);
    tally.summarised += plan.summarised.length;
    tally.hidden += plan.hidden;
    tally.elsewhere += plan.elsewhere;
    if (plan.shown.length === 0) continue;
    if (tally.shown > 0) yield '';
    tally.shown += plan.shown.length;
    const side = file.side ? ` · ${file.side}` : '';
    yield '<details>';
    yield `<summary>${escapeHtml(file.path)} (+${sumOf(plan.shown, 'additions')} −${sumOf(plan.shown, 'deletions')}${side})</summary>`;
    yield '';
    for (const hunk of plan.shown) yield hunkFence(hunk);
    yield '';
    yield '</details>';
  }
}

/** `2 upstream-only hunks summarised by commit below; 4 hunks of vendored modules and lockfiles not shown; …`, or null. */
export function leftOutSentence(tally: HunksTally, mode: HunksMode): string | null {
  const parts: string[] = [];
  if (tally.elsewhere > 0) parts.push(`${plural(tally.elsewhere, 'hunk')} of this category printed under an earlier one`);
  if (tally.summarised > 0) parts.push(`${plural(tally.summarised, 'upstream-only hunk')} summarised by commit below`);
  if (tally.hidden > 0) {
    parts.push(mode === 'none' ? `${plural(tally.hidden, 'hunk')} not shown (--hunks none)` : `${plural(tally.hidden, 'hunk')} of vendored modules and lockfiles not shown`);
  }
  if (parts.length === 0) return null;
  const all = tally.summarised > 0 || (tally.hidden > 0 && mode !== 'none') ? '; `--hunks all` prints every hunk' : '';
  return `_${capitalise(parts.join('; '))}${all}._`;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const sumOf = (hunks: readonly Hunk[], key: 'additions' | 'deletions'): number =>
  hunks.reduce((total, hunk) => total + hunk[key], 0);
