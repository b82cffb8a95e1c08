import { describe, expect, it } from 'vitest';
import { createPairCache, oncePer } from '../src/multiMap.js';

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

describe('oncePer', () => {
  it('makes a value once per owner, a falsy one too, and keeps owners apart', () => {
    const made: string[][] = [];
    const firstDef = oncePer((lines: readonly string[]): number => {
      made.push([...lines]);
      return lines.findIndex((line) => line.startsWith('def'));
    });
    const [top, below] = [['def f():', 'pass'], ['x = 1', 'def g():']];
    expect([firstDef(top), firstDef(top), firstDef(below), firstDef(below)]).toEqual([0, 0, 1, 1]);
    expect(made).toEqual([top, below]);
  });
});
