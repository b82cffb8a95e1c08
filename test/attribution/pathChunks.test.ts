import { describe, expect, it } from 'vitest';
import { chunkGroups, linkedGroups } from '../../src/attribution/pathChunks.js';

describe('linkedGroups', () => {
  it('keeps each rename chain in one sorted group, whichever name it is reached from', () => {
    const renames = new Map([
      ['b.go', ['a.go']],
      ['c.go', ['b.go']],
      ['y.go', ['x.go']],
    ]);
    expect(linkedGroups(['c.go', 'm.go', 'y.go'], (path) => renames.get(path) ?? [])).toEqual([['a.go', 'b.go', 'c.go'], ['m.go'], ['x.go', 'y.go']]);
  });

  it('joins two paths that share a partner, and lists a path once', () => {
    const partners = new Map([
      ['p.go', ['old.go']],
      ['q.go', ['old.go']],
    ]);
    expect(linkedGroups(['q.go', 'p.go', 'p.go', 'z.go'], (path) => partners.get(path) ?? [])).toEqual([['old.go', 'p.go', 'q.go'], ['z.go']]);
  });

  it('gives nothing for no paths', () => {
    expect(linkedGroups([], () => [])).toEqual([]);
  });
});

describe('chunkGroups', () => {
  it('packs whole groups up to the character budget (a path counts its length plus one)', () => {
    const groups = [['aa', 'bb'], ['cc'], ['dd', 'ee', 'ff'], ['gg']];
    expect(chunkGroups(groups, 9)).toEqual([['aa', 'bb', 'cc'], ['dd', 'ee', 'ff'], ['gg']]);
  });

  it('gives a group over the budget a chunk of its own rather than splitting a rename', () => {
    expect(chunkGroups([['x'], ['long/old/name.go', 'long/new/name.go'], ['y']], 8)).toEqual([['x'], ['long/old/name.go', 'long/new/name.go'], ['y']]);
  });

  it('keeps everything in one chunk under the default budget', () => {
    const groups = Array.from({ length: 100 }, (_, index) => [`dir/file_${index}.go`]);
    expect(chunkGroups(groups)).toHaveLength(1);
  });
});
