import { describe, expect, it } from 'vitest';
import { proseLines } from '../../src/classifiers/fixes/docstrings.js';
import revertedFixes from '../../src/classifiers/reverted-fixes.js';
import { classifyAll, gitContext, parseDiff } from './helpers.js';

const numbered = (lines: readonly string[]): number[] => [...proseLines(lines.join('\n'))].sort((a, b) => a - b);

describe('proseLines', () => {
  it('marks the lines a docstring spans, from its opening line to its closing one', () => {
    expect(numbered([
      'def activity(data):', //                          1
      '    """Create an activity.', //                   2
      '', //                                              3
      '    :class:`str` Where the user is (ie. PS5).', // 4
      '    if data is None: return', //                  5 (still prose)
      '    """', //                                       6
      '    if data is None:', //                         7
      "        return r'''raw'''", //                    8 (code first)
      "    r'''Another block'''", //                     9
      '    x = 1', //                                     10
    ])).toEqual([2, 4, 5, 6, 9]);
  });

  it('is not fooled by quotes in comments, one-line strings, escapes or code that opens a string', () => {
    expect(numbered([
      'x = "a \\" """ quote"  # and """ in a comment', // 1
      "y = '\"\"\"'", //                                    2
      'query = """SELECT *', //                             3 (code first)
      '  FROM t', //                                        4
      '"""', //                                             5
      'if query is None:', //                               6
      '    raise ValueError("""one-liner""")', //           7
    ])).toEqual([4, 5]);
  });
});

describe('reverted-fixes on Python in git mode', () => {
  it('reads upstream docstring lines as prose, not as fixes the fork lacks, even in a hunk that starts inside one', async () => {
    const upstream = [
      'class Activity:',
      '    def start(self):',
      '        """When the user started.',
      '',
      '        Returns None if not started yet.',
      '        if self._timestamps is None: return None',
      '        """',
      '        if self._timestamps is None:',
      '            return None',
      '        return self._timestamps["start"]',
    ].join('\n');
    const [file] = await parseDiff(`diff --git a/pkg/activity.py b/pkg/activity.py
--- a/pkg/activity.py
+++ b/pkg/activity.py
@@ -5,5 +5,2 @@ class Activity:
-        Returns None if not started yet.
-        if self._timestamps is None: return None
         """
-        if self._timestamps is None:
-            return None
         return self._timestamps["start"]
`);
    if (!file) throw new Error('no file');
    const context = gitContext({ upstream: { 'pkg/activity.py': upstream } });
    const [finding, ...others] = await classifyAll(revertedFixes, [file], context);
    expect(others).toEqual([]);
    expect(finding?.details['evidence']).toEqual(['if self._timestamps is None:', 'return None']);
    // Without the whole file, the docstring's lines read as code too.
    const [blind] = await classifyAll(revertedFixes, [file], gitContext({}));
    expect(blind?.details['evidence']).toEqual(['Returns None if not started yet.', 'if self._timestamps is None: return None', 'if self._timestamps is None:', 'return None']);
  });
});
