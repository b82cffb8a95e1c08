// A small seeded PRNG (mulberry32): the same seed gives the same diff, so two
// bench runs measure the same input and figures can be compared across commits.

/** @returns {{ next(): number, int(min: number, max: number): number, pick<T>(items: T[]): T, chance(p: number): boolean, hex(n: number): string }} */
export function createRandom(seed = 0x5eed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    hex: (n) => {
      let out = '';
      while (out.length < n) out += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
      return out.slice(0, n);
    },
  };
}
