import type { DiffLine, FileDiff, Hunk, Report } from '../../model.js';
import { escapeHtml, escapeHtmlCode } from '../../text/html.js';
import { plural } from '../../text/plural.js';
import { SHARED_NOTE, digestView } from '../digestView.js';
import { hunkParts } from '../hunkBlocks.js';
import { planHunks } from '../hunkPlan.js';
import type { HunksMode } from '../options.js';
import { createUpstreamDigest } from '../upstreamDigest.js';
import { filterAttributes, htmlTable, sideBadge } from './htmlTable.js';

const PREFIX = { add: '+', del: '-', normal: ' ' } as const;

/** Context lines as plain text, changed ones as `<ins>` and `<del>`: the page stays near the diff's own size. */
const lineHtml = (line: DiffLine): string => {
  const text = escapeHtmlCode(PREFIX[line.type] + line.content);
  return line.type === 'add' ? `<ins>${text}</ins>\n` : line.type === 'del' ? `<del>${text}</del>\n` : `${text}\n`;
};

const pre = (lines: readonly DiffLine[]): string => `<pre>${lines.map(lineHtml).join('')}</pre>`;

/** One hunk; a `both` hunk shows each block in its side's colour, labelled with the side. */
function hunkHtml(hunk: Hunk): string {
  const head = `<div class="hunk-head">${escapeHtml(hunk.header)} ${sideBadge(hunk.side)}</div>`;
  const truncated = hunk.isTruncated ? `<p class="muted">… ${hunk.additions + hunk.deletions} changed lines in all; the rest is not shown</p>` : '';
  const open = `<div class="hunk ${escapeHtml(hunk.side ?? 'unknown')}">`;
  if (hunk.blocks.length === 0) return `${open}${head}${pre(hunk.lines)}${truncated}</div>`;
  const parts = hunkParts(hunk).map((part) => {
    const side = part.side ?? 'unknown';
    return `<div class="part ${escapeHtml(side)}"><div class="part-head">${escapeHtml(part.header)} ${sideBadge(side)} lines</div>${pre(part.lines)}</div>`;
  });
  return `${open}${head}${parts.join('')}${truncated}</div>`;
}

/**
 * The hunks `--hunks` prints, one collapsible block per file (closed: the
 * page opens on the headline and findings), then the upstream-only hunks
 * summarised by the commits that explain them. Each file's hunks are read
 * once: on a huge fork they come back from disk on every access.
 */
export function* hunksSection(report: Report, prefix: string, mode: HunksMode): Generator<string> {
  const digest = createUpstreamDigest(report.commits);
  let shown = 0;
  let hidden = 0;
  yield `<h2 id="${prefix}-hunks">Hunks</h2>`;
  yield '<p><button type="button" data-open="true">Expand all</button> <button type="button" data-open="false">Collapse all</button></p>';
  for (const [index, file] of report.files.entries()) {
    if (file.hunks.length === 0) continue;
    const plan = planHunks(file, file.hunks, mode, () => false);
    digest.add(file, plan.summarised);
    hidden += plan.hidden;
    if (plan.shown.length === 0) continue;
    shown += plan.shown.length;
    yield fileBlock(file, plan.shown, `${prefix}-hunks-${index}`);
  }
  if (shown === 0) yield '<p class="muted">No hunk is printed in full here.</p>';
  if (hidden > 0) {
    const why = mode === 'none' ? '(--hunks none)' : 'of vendored modules and lockfiles (--hunks all prints them)';
    yield `<p class="muted">${escapeHtml(`${plural(hidden, 'hunk')} not shown ${why}.`)}</p>`;
  }
  const rows = digest.rows();
  if (rows.length > 0) {
    yield `<h2 id="${prefix}-upstream">Upstream changes the fork lacks, by commit (${rows.length})</h2>`;
    yield* htmlTable(digestView(rows));
    if (rows.some((row) => row.sharedHunks > 0)) yield `<p class="muted">${escapeHtml(SHARED_NOTE)}</p>`;
  }
}

function fileBlock(file: FileDiff, hunks: readonly Hunk[], id: string): string {
  const additions = hunks.reduce((sum, hunk) => sum + hunk.additions, 0);
  const deletions = hunks.reduce((sum, hunk) => sum + hunk.deletions, 0);
  const side = file.side ?? 'unknown';
  const hunkSides = hunks.map((hunk) => hunk.side);
  return [
    `<details class="file ${escapeHtml(side)}" id="${id}"${filterAttributes(hunkSides, file.categories)}>`,
    `<summary>${escapeHtml(file.path)} <span class="muted">(+${additions} −${deletions}, ${plural(hunks.length, 'hunk')})</span> ${sideBadge(file.side)}</summary>`,
    ...hunks.map(hunkHtml),
    '</details>',
  ].join('');
}
