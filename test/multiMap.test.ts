import { describe, expect, it } from 'vitest';
import { createPairCache } from '../src/multiMap.js';

describe('createPairCache', () => {
  it('makes a value once per owner and key, and keeps owners apart', () => {
    const cache = createPairCache<object, string, string[]>();
    const [first, second] = [{}, {}];
    let made = 0;
    const make = (text: string) => () => {
      made += 1;
      return [text];
    };
    const a = cache(first, 'a', make('first a'));
    expect(cache(first, 'a', make('again'))).toBe(a);
    expect(cache(first, 'b', make('first b'))).toEqual(['first b']);
    expect(cache(second, 'a', make('second a'))).toEqual(['second a']);
    expect(made).toBe(3);
  });
});
