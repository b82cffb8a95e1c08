import { describe, expect, it } from 'vitest';
import { findBranches } from '../../src/attribution/branches.js';

describe('findBranches', () => {
  it('gives each first-parent merge the commits its branch brought in, nested merges included', () => {
    // base ─ a ─ M1 ─ b ─ M2   (first parents)
    //         \  /       /
    //          t1 ─ t2  /        t1, t2 merged by M1
    //                  u1 ─ M3    M3 merges v1 into u1; M2 merges M3
    //                      /
    //                    v1
    const parents = new Map([
      ['a', ['base']],
      ['t1', ['a']],
      ['t2', ['t1']],
      ['M1', ['a', 't2']],
      ['b', ['M1']],
      ['u1', ['a']],
      ['v1', ['u1']],
      ['M3', ['u1', 'v1']],
      ['M2', ['b', 'M3']],
    ]);
    const branches = findBranches(parents, 'M2');
    expect([...branches.broughtIn('M1')].sort()).toEqual(['t1', 't2']);
    expect([...branches.broughtIn('M2')].sort()).toEqual(['M3', 'u1', 'v1']);
    expect(branches.broughtIn('b').size).toBe(0);
  });

  it('does not count a commit twice when a later branch was based on an earlier merge', () => {
    const parents = new Map([
      ['t1', ['base']],
      ['M1', ['base', 't1']],
      ['t2', ['M1']],
      ['M2', ['M1', 't2']],
    ]);
    const branches = findBranches(parents, 'M2');
    expect([...branches.broughtIn('M1')]).toEqual(['t1']);
    expect([...branches.broughtIn('M2')]).toEqual(['t2']);
  });
});
