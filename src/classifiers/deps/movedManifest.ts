import { dirname } from 'node:path';
import type { Finding } from '../../model.js';
import type { Located } from '../common/location.js';
import { withdraw } from '../define.js';
import { dependencyRow } from './rows.js';
import { joinSides } from './runMemory.js';
import type { DependencyChange } from './types.js';
import { directionOf } from './versionDirection.js';

/**
 * The go.mod (or go.sum) row a vendor.conf entry upstream alone lists
 * belongs to: a row of a go.mod or go.sum beside it that upstream lacks the
 * module in (the fork moved to Go modules). git sorts both before
 * vendor.conf in a directory, so that row is known, and kept open, when
 * vendor.conf is read.
 */
export function movedFromVendorConf(change: DependencyChange, path: string, goRows: ReadonlyMap<string, Finding>): Finding | null {
  if (change.fork !== null || change.upstream === null) return null;
  const row = goRows.get(change.name);
  const source = row?.details['source'];
  if (row?.kind !== 'dependency' || (source !== 'go.mod' && source !== 'go.sum') || row.details['upstream'] !== null) return null;
  return dirname(row.path) === dirname(path) ? row : null;
}

/**
 * Makes the go.mod row one drift with upstream's vendor.conf entry: its
 * upstream version is vendor.conf's, its side and commits are both files'
 * (`details.upstreamFrom` names vendor.conf). At the same version there is
 * no drift, and the row is withdrawn.
 */
export function joinVendorConf(row: Finding, change: DependencyChange, at: Located, from: string): void {
  const fork = typeof row.details['fork'] === 'string' ? row.details['fork'] : null;
  if (fork === change.upstream) {
    withdraw(row);
    return;
  }
  const source = row.details['source'] === 'go.sum' ? 'go.sum' : 'go.mod';
  const joined = dependencyRow(row.path, { ...change, fork, source, direction: directionOf(change.upstream, fork) }, {
    side: joinSides(row.side, at.side),
    commits: [...new Set([...row.commits, ...at.commits])],
    line: row.line,
    lineIn: row.lineIn,
  });
  const vendored = row.details['vendoredFiles'];
  Object.assign(row, joined, { details: { ...joined.details, upstreamFrom: from, ...(vendored ? { vendoredFiles: vendored } : {}) } });
}
