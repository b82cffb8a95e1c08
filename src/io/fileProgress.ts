import { plural } from '../text/plural.js';

/**
 * "Reading the diff: N files" on one rewritten stderr line while a large diff
 * streams, at most a few times a second. Only on a terminal: CI logs and
 * redirected stderr stay free of carriage returns, and stdout never sees it.
 * A null stream (`--no-progress`, `--quiet`) shows nothing.
 */
export function createFileProgress(stream: NodeJS.WriteStream | null = process.stderr, intervalMs = 250): { tick(): void; done(): void } {
  if (!stream?.isTTY) return { tick: () => {}, done: () => {} };
  let files = 0;
  let lastShown = Date.now();
  let isShown = false;
  return {
    tick() {
      files += 1;
      const now = Date.now();
      if (now - lastShown < intervalMs) return;
      lastShown = now;
      isShown = true;
      stream.write(`\rforkdiff: reading the diff, ${plural(files, 'file')}`);
    },
    done() {
      if (isShown) stream.write('\r\u001b[K');
    },
  };
}
