// Tcl test suites in the style of redis and valkey (tests/unit/*.tcl, https://github.com/valkey-io/valkey/blob/unstable/tests/README.md):
// `test {name} {body} ?expected? ?tags?` or `test "name" {…}`. A test is skipped by a `<mode>:skip` tag
// (`external:skip`, `cluster:skip`, on the test or on an enclosing `tags {…}` / `start_server`) or by `if {0}`.
import type { TestConvention } from './conventions.js';

const TEST = /^\s*test\s+(?:\{([^{}]*)\}|"((?:[^"\\]|\\.)*)")/;
const SKIP_TAG = /\b[\w-]+:skip\b/;
const DISABLED = /^\s*if\s+(?:\{\s*(?:0|false)\s*\}|0|false)\s*\{/;
/** Lines that open a group of tests: a skip there applies to the tests below it. */
const GROUP = /^\s*(?:tags\s|start_server\s|start_cluster\s|run_solo\s|if\s)/;

const nameAt = (line: string): string | null => {
  const match = TEST.exec(line);
  return match ? (match[1] ?? match[2] ?? '').trim() : null;
};

export const tcl: TestConvention = {
  commentMarkers: ['#'],
  namesAt: (lines, index) => {
    const name = nameAt(lines[index] ?? '');
    return name ? [name] : [];
  },
  isSkip: (line) => DISABLED.test(line) || (SKIP_TAG.test(line) && !line.trimStart().startsWith('#')),
  skipTarget: (lines, index) => {
    const line = lines[index] ?? '';
    const own = nameAt(line);
    if (own) return own;
    // Tags after a test's body (`} {OK} {external:skip}`) belong to the test above; a group's, to the first test below.
    const step = GROUP.test(line) ? 1 : -1;
    for (let i = index + step; i >= 0 && i < lines.length && Math.abs(i - index) < 40; i += step) {
      const name = nameAt(lines[i] ?? '');
      if (name) return name;
    }
    return null;
  },
};
