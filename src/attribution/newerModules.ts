import { posix } from 'node:path';
import { goModScopeOf, parseGoModLine, parseGoSumLine } from '../versions/goModLines.js';
import { compareVersions } from '../versions/versionOrder.js';

/**
 * A fork that keeps its Go modules newer than upstream's has every bump
 * upstream made below its versions, though not their lines: opentofu had
 * golang.org/x/net v0.19.0 when terraform's security fix for CVE-2023-44487
 * set v0.17.0, and the fix read as missing. These say, of a line a commit
 * added to go.mod or go.sum, where the fork's file has that module at the
 * same version or a newer one.
 */

/** What a module line states: the entry it is (a requirement, a directive, a go.sum line of a kind) and its version. */
interface ModuleLine {
  key: string;
  version: string;
}

/** The files whose lines name Go module versions. */
const MODULE_FILES: ReadonlySet<string> = new Set(['go.mod', 'go.sum']);

/** Is this a file whose lines name Go module versions? */
export const isModuleFile = (path: string): boolean => MODULE_FILES.has(posix.basename(path));

/**
 * A line of `path` as a module version; null for any other line, and for a
 * replacement (its version is another module's). `scope` is the go.mod block
 * the line sits in, null when unknown (a line a commit added).
 */
function moduleLineOf(path: string, line: string, scope: string | null): ModuleLine | null {
  if (posix.basename(path) === 'go.sum') {
    const sum = parseGoSumLine(line);
    return sum ? { key: `${sum.name}${sum.isGoModOnly ? '/go.mod' : ''}`, version: sum.version } : null;
  }
  const parsed = parseGoModLine(line, scope);
  if (!parsed || parsed.kind === 'replace') return null;
  return { key: parsed.kind === 'directive' ? parsed.name : `require ${parsed.name}`, version: parsed.version };
}

/** Per entry of a whole go.mod or go.sum, its highest version and the line (1-based) that states it. */
function newestEntries(path: string, text: string): Map<string, { version: string; line: number }> {
  const newest = new Map<string, { version: string; line: number }>();
  let scope: string | null = null;
  text.split('\n').forEach((content, index) => {
    const opened = goModScopeOf(content);
    if (opened !== undefined) {
      scope = opened;
      return;
    }
    const entry = moduleLineOf(path, content, scope);
    if (!entry) return;
    const known = newest.get(entry.key);
    if (!known || (compareVersions(entry.version, known.version) ?? 0) > 0) newest.set(entry.key, { version: entry.version, line: index + 1 });
  });
  return newest;
}

/** Where the fork's file has modules of the lines looked for: at their version or newer, or older. */
export interface ModuleVersionsAt {
  /** Line → the fork's line that has its module at the same or a newer version. */
  newer: Map<string, number>;
  /**
   * Lines whose module the fork requires at an older version: the fork lacks
   * that bump, whatever upstream did since. (A `go` or `toolchain` directive
   * is the language's floor, not a dependency: never here.)
   */
  older: Set<string>;
  /** Lines whose module the fork's file does not name at all: the fork does not use it. */
  unused: Set<string>;
}

/**
 * Of `lines` (normalised lines a commit added to `path`), those the fork's
 * file `text` has at the same or a newer version, with the fork's line that
 * has it, and those it has older. Empty for a file that names no module versions.
 */
export function moduleVersionsAt(path: string, text: string, lines: Iterable<string>): ModuleVersionsAt {
  const found: ModuleVersionsAt = { newer: new Map(), older: new Set(), unused: new Set() };
  if (!isModuleFile(path)) return found;
  let newest: Map<string, { version: string; line: number }> | null = null;
  for (const line of lines) {
    const wanted = moduleLineOf(path, line, null);
    if (!wanted) continue;
    newest ??= newestEntries(path, text);
    const fork = newest.get(wanted.key);
    const order = fork ? compareVersions(fork.version, wanted.version) : null;
    if (!fork) found.unused.add(line);
    else if (order !== null && order >= 0) found.newer.set(line, fork.line);
    else if (order !== null && order < 0 && !DIRECTIVES.has(wanted.key)) found.older.add(line);
  }
  return found;
}

const DIRECTIVES: ReadonlySet<string> = new Set(['go', 'toolchain']);

/**
 * Of the lines a commit added to `path`, those that lower a module's version
 * it removed there (a fork newer than both has not taken a downgrade) and
 * those that raise one (a bump, which a fork that does not use the module
 * has nothing to take of; a module the commit adds is another matter).
 */
export function versionMoves(path: string, added: Iterable<string>, removed: Iterable<string>): { lowered: Set<string>; raised: Set<string> } {
  const moves = { lowered: new Set<string>(), raised: new Set<string>() };
  if (!isModuleFile(path)) return moves;
  const before = new Map<string, string>();
  for (const line of removed) {
    const entry = moduleLineOf(path, line, null);
    if (entry) before.set(entry.key, entry.version);
  }
  for (const line of added) {
    const entry = moduleLineOf(path, line, null);
    const old = entry ? before.get(entry.key) : undefined;
    const order = entry && old !== undefined ? compareVersions(entry.version, old) : null;
    if (order !== null && order < 0) moves.lowered.add(line);
    if (order !== null && order > 0) moves.raised.add(line);
  }
  return moves;
}
