import { indentedJson } from '../text/indentedJson.js';
/**
 * `JSON.stringify(value, null, 2)`, byte for byte, but as a stream of chunks:
 * containers above `streamDepth` are walked element by element, so a report
 * of a huge fork is never one giant string in memory. Values at that depth
 * (one file, one finding) are stringified whole, indented for their depth
 * (indentedJson).
 */
export function* jsonChunks(value: unknown, streamDepth: number, depth = 0): Generator<string> {
  const indent = '  '.repeat(depth);
  const inner = '  '.repeat(depth + 1);
  if (hasIndentedJson(value)) {
    yield value.toIndentedJson(depth);
    return;
  }
  if (depth >= streamDepth || value === null || typeof value !== 'object' || isEmpty(value)) {
    yield indentedJson(value, depth);
    return;
  }
  if (Array.isArray(value)) {
    yield '[\n';
    for (let index = 0; index < value.length; index += 1) {
      yield inner;
      yield* jsonChunks(value[index] === undefined ? null : value[index], streamDepth, depth + 1);
      yield index < value.length - 1 ? ',\n' : '\n';
    }
    yield `${indent}]`;
    return;
  }
  const entries = Object.entries(value).filter(([, entry]) => entry !== undefined && typeof entry !== 'function');
  yield '{\n';
  for (let index = 0; index < entries.length; index += 1) {
    const [key, entry] = entries[index] as [string, unknown];
    yield `${inner}${JSON.stringify(key)}: `;
    yield* jsonChunks(entry, streamDepth, depth + 1);
    yield index < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${indent}}`;
}

const isEmpty = (value: object): boolean => (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);

/** A value that can give `JSON.stringify(value, null, 2)` itself, indented for `depth` as indentedJson, cheaper than the walk (see hunkSpill.ts). */
interface IndentedJson {
  toIndentedJson(depth: number): string;
}

const hasIndentedJson = (value: unknown): value is IndentedJson =>
  typeof value === 'object' && value !== null && typeof (value as Partial<IndentedJson>).toIndentedJson === 'function';
