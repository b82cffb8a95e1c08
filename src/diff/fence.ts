/**
 * The nightly report wraps the diff in a markdown ```` ```diff ```` fence.
 * Lines before the fence (a title, prose) and after it are dropped; a plain
 * diff passes through unchanged. No diff line can start with a backtick, so
 * a fence line is unambiguous.
 */
const OPENING_FENCE = /^(`{3,}|~{3,})\s*(diff|patch|udiff)?\s*$/;

/** A per-line filter: true for lines that belong to the diff. */
export function createUnfence(): (line: string) => boolean {
  let state: 'start' | 'fenced' | 'plain' | 'done' = 'start';
  let fence = '';
  return (line) => {
    if (state === 'plain') return true;
    if (state === 'done') return false;
    if (state === 'start') {
      const opening = OPENING_FENCE.exec(line);
      if (opening) {
        state = 'fenced';
        fence = opening[1] ?? '```';
        return false;
      }
      if (!line.startsWith('diff ') && !line.startsWith('--- ')) return false; // prose before the diff
      state = 'plain';
      return true;
    }
    if (line.startsWith(fence) && line.slice(fence.length).trim() === '') {
      state = 'done';
      return false;
    }
    return true;
  };
}
