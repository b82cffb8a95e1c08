import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { NARROW_RANGES, displayWidth, wrapText } from '../../src/text/displayWidth.js';

describe('displayWidth', () => {
  it('counts a cell for every character of the narrow ranges, as string-width does', () => {
    const wide: string[] = [];
    for (const [from, to] of NARROW_RANGES) {
      for (let code = from; code <= to; code += 1) if (stringWidth(String.fromCodePoint(code)) !== 1) wide.push(code.toString(16));
    }
    expect(wide).toEqual([]);
  });

  it('agrees with string-width on narrow text and on text it hands over', () => {
    const samples = [
      'cmd/app/main.go',
      'containerd v1.6.21 → v1.6.18 (downgrade)',
      '+12 −3 lines, …',
      'café — déjà vu',
      'soft\u00adhyphen',
      'e\u0301 combining',
      '漢字 wide',
      'flag 🇺🇦 and 👩‍💻',
      'zero\u200bwidth',
    ];
    for (const text of samples) expect(displayWidth(text), text).toBe(stringWidth(text));
  });

  it('wraps by cells, keeping every character', () => {
    const text = 'upstream bumped containerd → v1.6.21 … 漢字漢字漢字';
    const lines = wrapText(text, 12);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(12);
    expect(lines.join(' ')).toBe(text);
  });
});
