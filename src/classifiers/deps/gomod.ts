// go.mod (https://go.dev/ref/mod#go-mod-file), go.sum (https://go.dev/ref/mod#go-sum-files)
// and vendor/modules.txt (https://go.dev/ref/mod#vendoring) lines → dependency entries.
import type { Hunk } from '../../model.js';
import { changedLines } from '../common/lines.js';
import type { SideLine } from '../common/lines.js';
import type { DependencyEntry } from './types.js';
import { goModScopeOf, parseGoModLine, parseGoSumLine } from '../../versions/goModLines.js';

/**
 * Requires and replaces of one side's go.mod lines (a hunk's view, or the
 * whole file). A hunk starts in the block git printed as its context
 * (`@@ … @@ require (`), or outside any block when it printed none.
 */
export function goModSideEntries(lines: readonly SideLine[], side: 'upstream' | 'fork', context: string): DependencyEntry[] {
  let scope = goModScopeOf(context) ?? null;
  const entries: DependencyEntry[] = [];
  for (const { content, line, isChanged } of lines) {
    const opened = goModScopeOf(content);
    if (opened !== undefined) {
      scope = opened;
      continue;
    }
    const parsed = parseGoModLine(content, scope);
    if (!parsed) continue;
    const entry: DependencyEntry = { name: parsed.name, version: parsed.version, side, line, source: parsed.kind === 'replace' ? 'go.mod replace' : 'go.mod' };
    if (parsed.note) entry.note = parsed.note;
    if (!isChanged) entry.isContext = true;
    entries.push(entry);
  }
  return entries;
}

export function goSumEntries(hunk: Hunk): DependencyEntry[] {
  const entries: DependencyEntry[] = [];
  for (const { content, tip, line } of changedLines(hunk)) {
    const sum = parseGoSumLine(content);
    if (!sum || sum.isGoModOnly) continue;
    entries.push({ name: sum.name, version: sum.version, side: tip, line });
  }
  return entries;
}

/** `# module version [=> replacement version]` headers of vendor/modules.txt. */
const MODULES_TXT = /^# (\S+) (v\S+)(?: => (.+))?$/;

export function parseModulesTxtHeader(line: string): { name: string; version: string } | null {
  const match = MODULES_TXT.exec(line.trim());
  if (!match) return null;
  return { name: match[1] ?? '', version: match[3] ? `${match[2]} => ${match[3]}` : (match[2] ?? '') };
}

export function modulesTxtEntries(hunk: Hunk): DependencyEntry[] {
  const entries: DependencyEntry[] = [];
  for (const { content, tip, line } of changedLines(hunk)) {
    const header = parseModulesTxtHeader(content);
    if (header) entries.push({ ...header, side: tip, line });
  }
  return entries;
}

/** A vendor.conf line (vndr, moby and containerd before Go modules): `import/path revision [repository]`. */
const VENDOR_CONF = /^([\w.-]+(?:\/[\w.~-]+)+)\s+(\S+)(?:\s+(\S+))?\s*(?:#.*)?$/;

/** Parses one vendor.conf line; a third field is the repository it is fetched from instead (a fork's copy). */
export function parseVendorConfLine(line: string): { name: string; version: string } | null {
  const match = VENDOR_CONF.exec(line.trim());
  if (!match) return null;
  const repository = match[3]?.replace(/^https?:\/\//, '').replace(/\.git$/, '');
  return { name: match[1] ?? '', version: repository ? `${repository} ${match[2] ?? ''}` : (match[2] ?? '') };
}

/** Entries of one side's vendor.conf lines (a hunk's view, or the whole file). */
export function vendorConfSideEntries(lines: readonly SideLine[], side: 'upstream' | 'fork'): DependencyEntry[] {
  return lines.flatMap(({ content, line, isChanged }) => {
    const parsed = parseVendorConfLine(content);
    return parsed ? [{ ...parsed, side, line, ...(isChanged ? {} : { isContext: true }) }] : [];
  });
}
