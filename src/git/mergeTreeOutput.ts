import type { ConflictKind } from '../model.js';

/** What one `git merge-tree --write-tree -z --name-only` says. */
export interface MergeTreeResult {
  /** The merged tree (with conflict markers where it conflicted). */
  tree: string;
  conflicts: { path: string; kind: ConflictKind }[];
}

/** git's conflict types (merge-ort.c) → the kinds the sync plan reports. */
const KINDS: readonly [RegExp, ConflictKind][] = [
  [/^CONFLICT \((?:modify|delete)\/(?:delete|modify)\)/, 'modify/delete'],
  [/^CONFLICT \(add\/add\)/, 'add/add'],
  [/^CONFLICT \(binary\)/, 'binary'],
  [/^CONFLICT \((?:rename|file location|directory rename|implicit dir rename)/, 'rename'],
  [/^CONFLICT \(contents?\)/, 'content'],
];

const kindOf = (type: string): ConflictKind => KINDS.find(([pattern]) => pattern.test(type))?.[1] ?? 'other';

/**
 * Reads the `-z` output: the tree, the conflicted paths (each once, NUL
 * separated, then an empty field), then per message `<count>\0<path>…\0<type>\0<text>\0`.
 * A path keeps its most specific kind: a binary or modify/delete conflict
 * also reports contents, which says less.
 */
export const parseMergeTree = (output: string): MergeTreeResult => {
  const fields = output.split('\0');
  const tree = fields[0] ?? '';
  let at = 1;
  const conflicted: string[] = [];
  for (; at < fields.length && fields[at] !== ''; at += 1) conflicted.push(fields[at] as string);
  at += 1;
  const kinds = new Map<string, ConflictKind>();
  while (at < fields.length) {
    const count = Number(fields[at]);
    if (!Number.isInteger(count) || count < 0) break;
    const paths = fields.slice(at + 1, at + 1 + count);
    const type = fields[at + 1 + count] ?? '';
    at += count + 3;
    if (!type.startsWith('CONFLICT')) continue;
    const kind = kindOf(type);
    for (const path of paths) {
      const known = kinds.get(path);
      if (known === undefined || known === 'content' || known === 'other') kinds.set(path, kind);
    }
  }
  const paths = [...new Set([...conflicted, ...kinds.keys()])].sort();
  return { tree, conflicts: paths.map((path) => ({ path, kind: kinds.get(path) ?? 'content' })) };
};

/**
 * Reads `git merge-tree --stdin -z --name-only`: per merge, `<1 clean|0
 * conflicts>\0<tree>\0`, then (when it conflicts) its conflicted paths and
 * an empty field, then its messages (`<count>\0<path>…\0<type>\0<text>\0`)
 * and an empty field.
 */
export const parseMergeTreeBatch = (output: string): MergeTreeResult[] => {
  const fields = output.split('\0');
  const results: MergeTreeResult[] = [];
  let at = 0;
  while (at + 1 < fields.length && /^[01]$/.test(fields[at] ?? '')) {
    const isClean = fields[at] === '1';
    const tree = fields[at + 1] ?? '';
    at += 2;
    let body = '';
    if (!isClean) {
      for (; at < fields.length && fields[at] !== ''; at += 1) body += `${fields[at]}\0`;
      at += 1;
    }
    body += '\0';
    while (at < fields.length && fields[at] !== '') {
      const count = Number(fields[at]);
      if (!Number.isInteger(count) || count < 0) break;
      body += `${fields.slice(at, at + count + 3).join('\0')}\0`;
      at += count + 3;
    }
    at += 1;
    results.push(parseMergeTree(`${tree}\0${body}`));
  }
  return results;
};
