import { describe, expect, it } from 'vitest';
import { droppedClauses, orClauses } from '../../src/classifiers/fixes/droppedClauses.js';

describe('orClauses', () => {
  it('splits a conditional on top-level || and Python or', () => {
    expect(orClauses('if !ok || newDgst == lastDgst {')).toEqual({ keyword: 'if', clauses: ['!ok', 'newDgst == lastDgst'] });
    expect(orClauses('} else if (a == null || b.isEmpty()) {')).toEqual({ keyword: 'else if', clauses: ['a == null', 'b.isEmpty()'] });
    expect(orClauses('elif job is None or job.done:')).toEqual({ keyword: 'elif', clauses: ['job is None', 'job.done'] });
    expect(orClauses('while i < n || retry {')).toEqual({ keyword: 'while', clauses: ['i < n', 'retry'] });
  });

  it('keeps || inside calls, brackets and strings in one clause', () => {
    expect(orClauses('if f(a || b) {')?.clauses).toEqual(['f(a || b)']);
    expect(orClauses('if x == "a || b" || y {')?.clauses).toEqual(['x == "a || b"', 'y']);
    expect(orClauses('if m[a||b] {')?.clauses).toEqual(['m[a||b]']);
  });

  it('is null for lines that are not conditionals', () => {
    expect(orClauses('x := a || b')).toBeNull();
    expect(orClauses('return a || b')).toBeNull();
  });
});

describe('droppedClauses', () => {
  it('names the clauses upstream tests and the fork\'s counterpart dropped', () => {
    expect(droppedClauses(['if !ok || newDgst == lastDgst {'], ['if !ok {'])).toEqual(['newDgst == lastDgst']);
    expect(droppedClauses(['if a || b || c {'], ['if a || c {'])).toEqual(['b']);
  });

  it('ignores a rewritten condition, a different keyword, and a fork that added clauses', () => {
    expect(droppedClauses(['if !ok || newDgst == lastDgst {'], ['if !found {'])).toEqual([]);
    expect(droppedClauses(['if a || b {'], ['while a {'])).toEqual([]);
    expect(droppedClauses(['if a {'], ['if a || b {'])).toEqual([]);
    expect(droppedClauses(['if a || b {'], ['if a || b {'])).toEqual([]);
  });
});
