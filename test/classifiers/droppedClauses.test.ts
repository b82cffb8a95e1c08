import { describe, expect, it } from 'vitest';
import { andClauses, droppedClauses, orClauses } from '../../src/classifiers/fixes/droppedClauses.js';
import { forkConjunctions, isNarrowedBlockGuard } from '../../src/classifiers/fixes/narrowedGuards.js';
import { forkDisjunctions, isWidenedExit } from '../../src/classifiers/fixes/widenedExits.js';

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

describe('andClauses', () => {
  it('splits a conditional on top-level && and Python and, as orClauses does on ||', () => {
    expect(andClauses('if (n && n->slot_info_pairs != NULL) {')).toEqual({ keyword: 'if', clauses: ['n', 'n->slot_info_pairs != NULL'] });
    expect(andClauses('if job is not None and job.ready:')).toEqual({ keyword: 'if', clauses: ['job is not None', 'job.ready'] });
    expect(andClauses('if f(a && b) {')?.clauses).toEqual(['f(a && b)']);
  });
});

describe('isNarrowedBlockGuard', () => {
  const fork = forkConjunctions(['if (n && n->slot_info_pairs != NULL) {', 'if job is not None and job.ready:', 'if (strict && p == NULL) {']);

  it('keeps a block that runs only when its values are there, tested among more in the fork', () => {
    expect(isNarrowedBlockGuard('if (n->slot_info_pairs != NULL) {', fork)).toBe(true);
    expect(isNarrowedBlockGuard('if job is not None:', fork)).toBe(true);
  });

  it('reads a length or a call of plain arguments as a value tested for presence', () => {
    const more = forkConjunctions(['if rc.ExtraPath != nil && len(rc.ExtraPath) > 0 {', 'if (g_pserver->aof_enabled && THPGetAnonHugePagesSize() > 0) {']);
    expect(isNarrowedBlockGuard('if len(rc.ExtraPath) > 0 {', more)).toBe(true);
    expect(isNarrowedBlockGuard('if (THPGetAnonHugePagesSize() > 0) {', more)).toBe(true);
    // A bare call may be a failure test: no presence read into it.
    expect(isNarrowedBlockGuard('if (failed()) {', forkConjunctions(['if (strict && failed()) {']))).toBe(false);
  });

  it('does not keep an early exit, a one-line guard, another keyword, or a test the fork lacks', () => {
    expect(isNarrowedBlockGuard('if (p == NULL) {', fork)).toBe(false);
    expect(isNarrowedBlockGuard('if (n->slot_info_pairs != NULL) return;', fork)).toBe(false);
    expect(isNarrowedBlockGuard('while (n->slot_info_pairs != NULL) {', fork)).toBe(false);
    expect(isNarrowedBlockGuard('if (m != NULL) {', fork)).toBe(false);
    expect(isNarrowedBlockGuard('if (n && n->slot_info_pairs != NULL) {', fork)).toBe(false);
  });
});

describe('isWidenedExit', () => {
  const fork = forkDisjunctions([
    'if !ok || z == nil {',
    'if (p == NULL || p->q == NULL) {',
    'if job is None or job.cancelled:',
    'if (p != NULL || force) {',
    'if !follow || len(k) == 0 {',
    'x := a || b',
  ]);
  const of = () => fork;

  it('keeps a block for a missing value that the fork takes in more cases', () => {
    expect(isWidenedExit('if z == nil {', of)).toBe(true);
    expect(isWidenedExit('if (p == NULL) {', of)).toBe(true);
    expect(isWidenedExit('if job is None:', of)).toBe(true);
    expect(isWidenedExit('if len(k) == 0 {', of)).toBe(true);
  });

  it('does not keep a presence guard widened, a one-line guard, a test the fork lacks, or the fork line itself', () => {
    expect(isWidenedExit('if (p != NULL) {', of)).toBe(false);
    expect(isWidenedExit('if (p == NULL) return;', of)).toBe(false);
    expect(isWidenedExit('while (p == NULL) {', of)).toBe(false);
    expect(isWidenedExit('if (q == NULL) {', of)).toBe(false);
    expect(isWidenedExit('if !ok || z == nil {', of)).toBe(false);
  });

  it('reads the fork only for a line that can be such a block', () => {
    let reads = 0;
    const counted = () => {
      reads += 1;
      return fork;
    };
    expect(isWidenedExit('return nil', counted)).toBe(false);
    expect(isWidenedExit('if (p != NULL) {', counted)).toBe(false);
    expect(reads).toBe(0);
  });
});
