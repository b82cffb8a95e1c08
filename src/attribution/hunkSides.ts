import type { FileDiff, Side } from '../model.js';
import { forkPathOf, sideOf, upstreamPathOf } from './fileSides.js';
import { changeBlocks, touchesAny } from './spans.js';
import type { Span } from './spans.js';

/** Per side, path on that side → the spans it changed since the merge base. */
export interface ChangedSpans {
  upstream: Map<string, Span[]>;
  fork: Map<string, Span[]>;
}

/**
 * Sets `side` on the hunks of files both sides changed. A hunk moved upstream
 * when its changed lines touch lines upstream changed since the base (in
 * upstream coordinates), in the fork when they touch lines the fork changed
 * (fork coordinates). Files one side alone changed need no line ranges: all
 * their hunks are that side's.
 */
export const setHunkSides = (files: readonly FileDiff[], changed: ChangedSpans): void => {
  for (const file of files) {
    for (const hunk of file.hunks) hunk.side = file.side;
    if (file.side !== 'both') continue;
    const upstreamChanged = changed.upstream.get(upstreamPathOf(file)) ?? [];
    const forkChanged = changed.fork.get(forkPathOf(file)) ?? [];
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
