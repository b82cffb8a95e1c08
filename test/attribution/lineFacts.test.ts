import { describe, expect, it } from 'vitest';
import { lineFacts, pinnedWriters } from '../../src/attribution/lineFacts.js';
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

  it('names no writer of a line the merge base had, where one commit alone touched the file', () => {
    const history = { ownerOf: () => null, removerOf: () => null };
    // The fork changed lines 40 and 41 in one commit: those are its; line 3 is the base's.
    const changed = side([{ oldStart: 40, oldLines: 1, newStart: 40, newLines: 2 }], [sha('f')], history);
    expect([pinnedWriters(changed, 'ckan/lib/helpers.py', 40), pinnedWriters(changed, 'ckan/lib/helpers.py', 41)]).toEqual([[sha('f')], [sha('f')]]);
    expect(pinnedWriters(changed, 'ckan/lib/helpers.py', 3)).toEqual([]);
    // cni-plugins: a fork commit of months before the merge base, and the file as the base has it (a later merge took upstream's).
    const asBase: SideFacts = { ...changed, changed: { ...changed.changed, paths: new Set() }, ranges: new Map() };
    expect(pinnedWriters(asBase, 'ckan/lib/helpers.py', 40)).toEqual([]);
  });
});
