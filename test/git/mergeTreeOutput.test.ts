import { describe, expect, it } from 'vitest';
import { parseMergeTree } from '../../src/git/mergeTreeOutput.js';

describe('parseMergeTree', () => {
  it('reads the tree, the conflicted paths and each conflict kind from -z output', () => {
    const output = [
      'c0ffee',
      'Dockerfile', 'docs/logo.png', 'gone.go', '',
      '1', 'Dockerfile', 'Auto-merging', 'Auto-merging Dockerfile\n',
      '1', 'Dockerfile', 'CONFLICT (contents)', 'CONFLICT (content): Merge conflict in Dockerfile\n',
      '1', 'docs/logo.png', 'CONFLICT (binary)', 'warning: Cannot merge binary files: docs/logo.png\n',
      '1', 'docs/logo.png', 'CONFLICT (contents)', 'CONFLICT (content): Merge conflict in docs/logo.png\n',
      '1', 'gone.go', 'CONFLICT (modify/delete)', 'CONFLICT (modify/delete): gone.go deleted in A and modified in B.\n',
      '2', 'a.go', 'b.go', 'CONFLICT (rename/rename)', 'CONFLICT (rename/rename): x renamed to a.go in A and to b.go in B.\n',
      '',
    ].join('\0');
    expect(parseMergeTree(output)).toEqual({
      tree: 'c0ffee',
      conflicts: [
        { path: 'Dockerfile', kind: 'content' },
        { path: 'a.go', kind: 'rename' },
        { path: 'b.go', kind: 'rename' },
        { path: 'docs/logo.png', kind: 'binary' },
        { path: 'gone.go', kind: 'modify/delete' },
      ],
    });
  });

  it('reads a clean merge as a tree and no conflicts', () => {
    expect(parseMergeTree('c0ffee\0\0' + ['1', 'go.mod', 'Auto-merging', 'Auto-merging go.mod\n', ''].join('\0'))).toEqual({ tree: 'c0ffee', conflicts: [] });
  });
});
