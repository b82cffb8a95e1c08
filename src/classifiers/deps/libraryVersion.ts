// The version a vendored library's own VERSION file states (jemalloc writes `5.2.1-0-g0`, git describe's form).
import type { Finding } from '../../model.js';
import type { ClassifyContext } from '../define.js';
import { directionOf } from './versionDirection.js';

/** A release number at the start of a VERSION file's first line: `5.2.1-0-g0` → 5.2.1, `v1.4` → 1.4. */
const RELEASE = /^\s*v?(\d+(?:\.\d+)+)/;

const versionIn = (text: string | null): string | null => (text === null ? null : (RELEASE.exec(text)?.[1] ?? null));

/**
 * A vendored library of no package ecosystem (redis's `deps/jemalloc/`)
 * whose directory keeps a VERSION file: when the tips' files name two
 * releases, the row says which (KeyDB's jemalloc 5.2.1 against redis's
 * 5.1.0), with its direction; its identity stays the directory's. Git mode
 * only: a saved diff shows the file only if it changed.
 */
export async function withLibraryVersions(row: Finding, context: ClassifyContext): Promise<void> {
  if (context.mode !== 'git' || row.kind !== 'vendored-files' || row.details['ecosystem'] !== null) return;
  const file = `${row.path}/VERSION`;
  const [upstreamText, forkText] = await Promise.all([context.readFile('upstream', file), context.readFile('fork', file)]);
  const upstream = versionIn(upstreamText);
  const fork = versionIn(forkText);
  if (upstream === null || fork === null || upstream === fork) return;
  const direction = directionOf(upstream, fork);
  Object.assign(row.details, { upstream, fork, direction });
  row.message = `${String(row.details['module'])}: ${upstream} → ${fork} (${direction}), as its VERSION file says; vendored files differ`;
}
