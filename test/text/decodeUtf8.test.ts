import { describe, expect, it } from 'vitest';
import { decodeUtf8Visible } from '../../src/text/decodeUtf8.js';

const bytes = (...values: number[]): Buffer => Buffer.from(values);

describe('decodeUtf8Visible', () => {
  it('decodes valid UTF-8 as usual, a real U+FFFD included', () => {
    expect(decodeUtf8Visible(Buffer.from('café 日本 😀 \ufffd', 'utf8'))).toBe('café 日本 😀 \ufffd');
  });

  it('turns each invalid byte into a distinct, visible \\xNN', () => {
    expect(decodeUtf8Visible(bytes(0xff, 0x2e, 0x74))).toBe('\\xff.t');
    expect(decodeUtf8Visible(bytes(0xfe, 0x2e, 0x74))).toBe('\\xfe.t');
  });

  it.each([
    ['a lone continuation byte', [0x61, 0x80, 0x62], 'a\\x80b'],
    ['a truncated sequence', [0xe6, 0x97, 0x61], '\\xe6\\x97a'],
    ['an overlong form', [0xc0, 0xaf], '\\xc0\\xaf'],
    ['a surrogate', [0xed, 0xa0, 0x80], '\\xed\\xa0\\x80'],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '\\xf4\\x90\\x80\\x80'],
    ['Latin-1 between valid text', [0x63, 0x61, 0x66, 0xe9, 0x20, 0xc3, 0xa9], 'caf\\xe9 é'],
  ])('%s', (_name, input, shown) => {
    expect(decodeUtf8Visible(Buffer.from(input))).toBe(shown);
  });

  it('decodes only the range asked for', () => {
    expect(decodeUtf8Visible(bytes(0xff, 0x61, 0xfe, 0x62), 1, 3)).toBe('a\\xfe');
  });

  it('reads a plain Uint8Array, or a view into a larger buffer, like a Buffer', () => {
    const backing = new Uint8Array([0x78, 0xff, 0x61, 0x62, 0x79]);
    expect(decodeUtf8Visible(backing.subarray(1, 4))).toBe('\\xffab');
    expect(decodeUtf8Visible(backing.subarray(1, 4), 1, 3)).toBe('ab');
    expect(decodeUtf8Visible(new Uint8Array(Buffer.from('café')))).toBe('café');
  });
});
