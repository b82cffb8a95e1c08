/**
 * The nightly report wraps the diff in a markdown ```` ```diff ```` fence.
 * Lines before the fence (a title, prose) and after it are dropped; a plain
 * diff passes through unchanged. No diff line can start with a backtick, so
 * a fence line is unambiguous.
 */
const OPENING_FENCE = /^(`{3,}|~{3,})\s*(diff|patch|udiff)?\s*$/;

export async function* unfence(lines: AsyncIterable<string>): AsyncGenerator<string> {
  let state: 'start' | 'fenced' | 'plain' | 'done' = 'start';
  let fence = '';
  for await (const line of lines) {
    if (state === 'done') continue;
    if (state === 'start') {
      const opening = OPENING_FENCE.exec(line);
      if (opening) {
        state = 'fenced';
        fence = opening[1] ?? '```';
        continue;
      }
      if (line.startsWith('diff ') || line.startsWith('--- ')) state = 'plain';
      else continue; // prose before the diff
    }
    if (state === 'fenced' && line.startsWith(fence) && line.slice(fence.length).trim() === '') {
      state = 'done';
      continue;
    }
    yield line;
  }
}
