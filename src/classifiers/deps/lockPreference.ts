import { dirname } from 'node:path';
import type { Finding } from '../../model.js';
import { keepOpen } from '../define.js';
import type { RunMemory } from './runMemory.js';

const keyOf = (row: Finding): string => `${dirname(row.path)}\u0000${String(row.details['module'])}`;

/**
 * A package whose range in pyproject.toml changed and whose resolved version
 * in the poetry.lock beside it changed too is one drift, told by what is
 * installed: the lock's row stays and carries the manifest's ranges in
 * `details.manifest`; the manifest's row goes. git sorts poetry.lock before
 * pyproject.toml in a directory, so the lock's rows are known (and kept open
 * to take the ranges in) when the manifest is read. Ranges the lock does not
 * resolve differently keep their own row (compared by lower bound).
 */
export function preferLockedVersions(rows: readonly Finding[], memory: RunMemory): Finding[] {
  return rows.filter((row) => {
    if (row.kind !== 'dependency') return true;
    if (row.details['source'] === 'poetry.lock') {
      memory.lockedRows.set(keyOf(row), keepOpen(row));
      return true;
    }
    const lock = row.details['source'] === 'pyproject.toml' ? memory.lockedRows.get(keyOf(row)) : undefined;
    if (!lock) return true;
    lock.details['manifest'] = { path: row.path, upstream: row.details['upstream'], fork: row.details['fork'] };
    return false;
  });
}
