import { describe, expect, it } from 'vitest';
import type { CommitChange } from '../../src/attribution/commitChanges.js';
import { isUndoOf, pairUndos } from '../../src/sync/undoPairs.js';

/** A change from `{ path: [added, removed] }`, lines as the applied check keeps them (normalised). */
const change = (files: Record<string, [string[], string[]]>): CommitChange => {
  const added = new Map<string, Set<string>>();
  const removed = new Map<string, Set<string>>();
  let size = 0;
  for (const [path, [plus, minus]] of Object.entries(files)) {
    if (plus.length > 0) added.set(path, new Set(plus));
    if (minus.length > 0) removed.set(path, new Set(minus));
    size += plus.length + minus.length;
  }
  return { added, removed, size };
};

const fork = change({ 'README.md': [['Version 1.0-valdb.'], ['Version 1.0.']] });
const back = change({ 'README.md': [['Version 1.0.'], ['Version 1.0-valdb.']] });

describe('a fork commit that undoes an earlier one', () => {
  it('adds back just what the earlier one removed and removes just what it added, in every file', () => {
    expect(isUndoOf(back, fork)).toBe(true);
    // Part of it only: the other line stays the fork's.
    expect(isUndoOf(back, change({ 'README.md': [['Version 1.0-valdb.', 'Packages are named valdb.'], ['Version 1.0.']] }))).toBe(false);
    // The same lines in another file are another change.
    expect(isUndoOf(change({ 'docs/README.md': [['Version 1.0.'], ['Version 1.0-valdb.']] }), fork)).toBe(false);
    // A file added, then deleted.
    expect(isUndoOf(change({ 'shim.c': [[], ['#include "../valdb/server.c"']] }), change({ 'shim.c': [['#include "../valdb/server.c"'], []] }))).toBe(true);
  });

  it('is not told from a re-indent, whose lines read the same both ways, nor from blank lines moved', () => {
    const reindent = change({ 'main.go': [['if err != nil {'], ['if err != nil {']] });
    expect(isUndoOf(reindent, reindent)).toBe(false);
    // nextcord's "Fix some spacing" removed a blank line; a later "Update core.py" added one elsewhere.
    expect(isUndoOf(change({ 'core.py': [[''], []] }), change({ 'core.py': [[], ['']] }))).toBe(false);
  });

  it('pairs each commit once, with the latest earlier one it undoes: a change made, undone and made again stays carried', () => {
    const commits = [{ sha: 'made', files: ['README.md'] }, { sha: 'undone', files: ['README.md'] }, { sha: 'again', files: ['README.md'] }];
    const changes = new Map([['made', fork], ['undone', back], ['again', fork]]);
    expect([...pairUndos([commits], changes)].sort()).toEqual(['made', 'undone']);
  });
});
