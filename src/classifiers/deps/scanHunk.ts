import type { Hunk } from '../../model.js';
import type { DependencyEntry } from './types.js';

/** Result of reading one line: a key that scopes later lines, or an entry. */
export interface LineReader {
  /**
   * A new scope for the following lines (a lockfile entry name, a TOML section,
   * a JSON block); `undefined` when this line opens none.
   */
  scopeOf(content: string): string | null | undefined;
  /** The dependency a changed line states, given the scope it is in (null when unknown). */
  entryOf(content: string, scope: string | null): { name: string; version: string; note?: string } | null;
}

/**
 * Reads a hunk the way each side has it: context lines scope both sides,
 * `-` lines only upstream, `+` lines only the fork. Changed lines yield
 * entries; with `withContext`, unchanged lines yield entries marked
 * `isContext` (the dependency is there on both sides), never a row alone.
 */
export function scanHunk(hunk: Hunk, reader: LineReader, initialScope: string | null = null, withContext = false): DependencyEntry[] {
  const scope = { upstream: initialScope, fork: initialScope };
  const entries: DependencyEntry[] = [];
  const next = { upstream: hunk.oldStart, fork: hunk.newStart };
  for (const line of hunk.lines) {
    const sides = line.type === 'normal' ? (['upstream', 'fork'] as const) : line.type === 'del' ? (['upstream'] as const) : (['fork'] as const);
    const opened = reader.scopeOf(line.content);
    for (const side of sides) {
      const number = next[side];
      next[side] += 1;
      if (opened !== undefined) scope[side] = opened;
      if (line.type === 'normal' && !withContext) continue;
      const entry = reader.entryOf(line.content, scope[side]);
      if (entry) entries.push({ ...entry, side, line: number, ...(line.type === 'normal' ? { isContext: true } : {}) });
    }
  }
  return entries;
}
