import { describe, expect, it } from 'vitest';
import { lineFacts } from '../../src/attribution/lineFacts.js';
import type { BothSides, SideFacts } from '../../src/attribution/lineFacts.js';
import type { LineHistory } from '../../src/attribution/lineHistory.js';
import type { HunkRange } from '../../src/attribution/patchReader.js';
import { parseDiffText } from '../../src/diff/parse.js';

const sha = (name: string): string => name.repeat(40).slice(0, 40);

/** One side of one file: its base → tip hunks, the commits that touched it, and what its line history could say. */
const side = (ranges: HunkRange[], commits: string[], history: Pick<LineHistory, 'ownerOf' | 'removerOf'>): SideFacts => ({
  changed: { paths: new Set(['ckan/lib/helpers.py']), renames: new Map(), fromNames: new Map(), removed: new Set(), added: new Set() },
  ranges: new Map([['ckan/lib/helpers.py', ranges]]),
  renamedRanges: new Set(),
  pathCommits: { byPath: new Map([['ckan/lib/helpers.py', commits]]), renamedInto: new Map(), order: new Map(commits.map((each, at) => [each, at])), subjects: new Map(), parents: new Map() },
  lines: { ...history, counts: () => new Map(), changeOf: () => undefined },
});

describe('lineFacts', () => {
  it("gives a line the history could not pin the commits of the line next to it that the same side's change pinned", async () => {
    // ckan: upstream's c3c62bab replaced `return urllib.unquote(…)` (the base's line 3, which the fork kept) by
    // `return request.environ[…]`. The line history knew who wrote the new line, not who removed the old one.
    const { files } = await parseDiffText(`diff --git a/ckan/lib/helpers.py b/ckan/lib/helpers.py
--- a/ckan/lib/helpers.py
+++ b/ckan/lib/helpers.py
@@ -2,3 +2,3 @@ def full_current_url():
     '''Returns the fully qualified current url'''
-    return request.environ['CKAN_CURRENT_URL']
+    return urllib.unquote(request.environ['CKAN_CURRENT_URL'])
 
`);
    const file = files[0]!;
    file.side = 'both';
    const sides: BothSides = {
      upstream: side([{ oldStart: 3, oldLines: 1, newStart: 3, newLines: 1 }], [sha('a'), sha('b'), sha('c')], {
        ownerOf: (_path, line) => (line === 3 ? [sha('b')] : []),
        removerOf: () => [],
      }),
      fork: side([{ oldStart: 40, oldLines: 1, newStart: 40, newLines: 1 }], [sha('f')], { ownerOf: () => null, removerOf: () => null }),
    };
    const facts = lineFacts(file, sides);
    expect(facts.upstream.get(3)).toEqual({ side: 'upstream', commits: [sha('b').slice(0, 12)] });
    // Kept by the fork, removed upstream: by the same change, not by every commit that touched the file.
    expect(facts.fork.get(3)).toEqual({ side: 'upstream', commits: [sha('b').slice(0, 12)] });
  });
});
