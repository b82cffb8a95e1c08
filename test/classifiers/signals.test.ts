import { describe, expect, it } from 'vitest';
import { MAY_CHECK_NIL, NIL_CHECK, signalsOf } from '../../src/classifiers/fixes/signals.js';

/** NIL_CHECK as it was, read from every character: the reference for its match and subject. */
const TRIED_EVERYWHERE = /([\w.\])>-]+)\s*(?:===?|!==?)\s*(?:nil|null|undefined|None|NULL|nullptr)\b|\b(?:nil|null|None|NULL|nullptr)\s*(?:===?|!==?)\s*([\w.>-]+)|\bis\s+(?:not\s+)?None\b|\.is_(?:none|some)\(\)|Objects\.(?:isNull|nonNull)\(/;

/** Where a match starts, what it is and its subjects: what signalsOf reads of it. */
const read = (match: RegExpExecArray | null): string => (match ? `${match.index}|${match[0]}|${match[1]}|${match[2]}` : 'none');

describe('the nil check', () => {
  it('finds the same match and subject as the pattern tried at every character, on any line', () => {
    // A seeded generator, so a failure can be replayed.
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const pieces = [
      'a', 'err', 'ctx.Err', 'obj', 'p->next', 'items[0]', 'f(x)', 'list<T>', 'x-1', 'until', 'nullable', 'Nonesuch', 'annil',
      'nil', 'null', 'undefined', 'None', 'NULL', 'nullptr', '==', '===', '!=', '!==', '=', '!', ' ', '  ', '.', '->', ')', ']', '>', '-',
      'is', 'not', 'is not None', '.is_none()', '.is_some()', 'Objects.isNull(', 'Objects.nonNull(', 'if', '(', '{', ':', ';', '_', '9',
    ];
    let matched = 0;
    for (let round = 0; round < 20_000; round += 1) {
      const line = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pick(pieces)).join(next() < 0.5 ? '' : ' ');
      const reference = read(TRIED_EVERYWHERE.exec(line));
      if (reference !== 'none') matched += 1;
      expect({ line, match: read(MAY_CHECK_NIL.test(line) ? NIL_CHECK.exec(line) : null) }).toEqual({ line, match: reference });
    }
    // The lines exercise both answers.
    expect(matched).toBeGreaterThan(2_000);
    expect(matched).toBeLessThan(18_000);
  });

  it("reads a comparison with nil as a nil check, and an error value's as error handling", () => {
    expect(signalsOf('if resp.Body != nil {')).toEqual(['nil-check']);
    expect(signalsOf('if a.b.err != nil {')).toEqual(['error-handling']);
    expect(signalsOf('if (node->next == NULL) {')).toEqual(['nil-check']);
    expect(signalsOf('if self.until_ready is not None:')).toEqual(['nil-check']);
    expect(signalsOf('const nullable = annil + until;')).toEqual([]);
  });
});
