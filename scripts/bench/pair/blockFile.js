// The text of one generated file at one version. A version is an array
// holding, per block, which edit wrote its body (0: the base). Every line
// comes from a seed, so nothing but these small arrays is kept while a
// stream of hundreds of megabytes is written.
import { createRandom } from '../random.js';
import { KINDS } from './fileKinds.js';

/** A 32-bit mix of a few integers: distinct seeds for every (file, block, edit). */
export const mix = (...values) => {
  let hash = 0x811c9dc5;
  for (const value of values) {
    hash = Math.imul(hash ^ (value >>> 0), 0x01000193);
    hash ^= hash >>> 15;
  }
  return hash >>> 0;
};

/** Edit ids carry their side in the low bit, so a fork cherry-pick that reuses an upstream id writes upstream's body. */
export const editId = (side, index) => index * 2 + (side === 'upstream' ? 1 : 2);
const flavourOf = (edit) => (edit === 0 ? 'base' : edit % 2 === 1 ? 'upstream' : 'fork');

/**
 * @param {{ path: string, kind: keyof typeof KINDS, seed: number, blocks: number }} file
 * @param {ArrayLike<number>} versions body edit per block (0 = base)
 */
export function fileText(file, versions) {
  const kind = KINDS[file.kind];
  const lines = kind.header(file.path);
  for (let block = 0; block < file.blocks; block += 1) {
    lines.push(...kind.frame(createRandom(mix(file.seed, block)), file.path, block));
    const edit = versions[block] ?? 0;
    lines.push(...kind.body(createRandom(mix(file.seed, block, edit, 1)), flavourOf(edit)));
  }
  lines.push(...kind.frame(createRandom(mix(file.seed, file.blocks)), file.path, file.blocks));
  return `${lines.join('\n')}\n`;
}
