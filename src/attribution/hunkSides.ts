import type { FileDiff, Side } from '../model.js';
import type { History } from '../git/history.js';
import { changedSpans } from './changedSpans.js';
import { forkPathOf, sideOf, upstreamPathOf } from './fileSides.js';
import type { Tips } from './fileSides.js';
import { changeBlocks, touchesAny } from './spans.js';

/**
 * Sets `side` on the hunks of files both sides changed. A hunk moved upstream
 * when its changed lines touch lines upstream changed since the base (in
 * upstream coordinates), in the fork when they touch lines the fork changed
 * (fork coordinates). Files one side alone changed need no line ranges: all
 * their hunks are that side's.
 */
export const setHunkSides = async (files: readonly FileDiff[], tips: Tips, history: History): Promise<void> => {
  const mixed = files.filter((file) => file.side === 'both' && file.hunks.length > 0);
  for (const file of files) {
    for (const hunk of file.hunks) hunk.side = file.side;
  }
  if (mixed.length === 0) return;
  // Both names on both diffs, so each side's own renames are detected within the pathspec.
  const paths = mixed.flatMap((file) => [upstreamPathOf(file), forkPathOf(file)]);
  const [upstreamSpans, forkSpans] = await Promise.all([
    changedSpans(history, tips.base, tips.upstream, paths),
    changedSpans(history, tips.base, tips.fork, paths),
  ]);
  for (const file of mixed) {
    const upstreamChanged = upstreamSpans.get(upstreamPathOf(file)) ?? [];
    const forkChanged = forkSpans.get(forkPathOf(file)) ?? [];
    for (const hunk of file.hunks) {
      const blocks = changeBlocks(hunk);
      const side: Side = sideOf(
        blocks.some((block) => touchesAny(block.upstream, upstreamChanged)),
        blocks.some((block) => touchesAny(block.fork, forkChanged)),
      );
      // Diff alignment can differ between the three trees; then the file's side is the honest answer.
      hunk.side = side ?? file.side;
    }
  }
};
