// go.mod (https://go.dev/ref/mod#go-mod-file), go.sum (https://go.dev/ref/mod#go-sum-files)
// and vendor/modules.txt (https://go.dev/ref/mod#vendoring) lines → dependency entries.
import type { Hunk } from '../../model.js';
import { changedLines } from '../common/lines.js';
import type { DependencyEntry } from './types.js';

const DIRECTIVES = new Set(['module', 'go', 'toolchain', 'exclude', 'retract', 'replace', 'require', '(', ')']);

/** `[require] module vX.Y.Z [// indirect]`, inside or outside a require block. */
const REQUIRE = /^\s*(?:require\s+)?([^\s()=]+)\s+(v[^\s]+)\s*(\/\/\s*indirect)?\s*$/;
/** `[replace] module [vX] => target [vY]`, inside or outside a replace block. */
const REPLACE = /^\s*(?:replace\s+)?([^\s()=]+)(?:\s+(v[^\s]+))?\s*=>\s*(\S+)(?:\s+(v\S+))?\s*$/;
const GO_DIRECTIVE = /^\s*(go|toolchain)\s+(\S+)\s*$/;

export interface GoModLine {
  kind: 'require' | 'replace' | 'directive';
  name: string;
  version: string;
  note?: string;
}

export function parseGoModLine(line: string): GoModLine | null {
  const content = line.replace(/\s+$/, '');
  const replace = REPLACE.exec(content);
  if (replace) {
    const [, module = '', from, target = '', to] = replace;
    const name = from ? `${module}@${from}` : module;
    return { kind: 'replace', name, version: to ? `${target} ${to}` : target, note: 'replace' };
  }
  const directive = GO_DIRECTIVE.exec(content);
  if (directive) return { kind: 'directive', name: directive[1] ?? 'go', version: directive[2] ?? '' };
  const require = REQUIRE.exec(content);
  if (!require || DIRECTIVES.has(require[1] ?? '')) return null;
  const parsed: GoModLine = { kind: 'require', name: require[1] ?? '', version: require[2] ?? '' };
  if (require[3]) parsed.note = 'indirect';
  return parsed;
}

/** Entries from the changed lines of one go.mod hunk, split into requires and replaces. */
export function goModEntries(hunk: Hunk): { requires: DependencyEntry[]; replaces: DependencyEntry[] } {
  const requires: DependencyEntry[] = [];
  const replaces: DependencyEntry[] = [];
  for (const { content, tip, line } of changedLines(hunk)) {
    const parsed = parseGoModLine(content);
    if (!parsed) continue;
    const entry: DependencyEntry = { name: parsed.name, version: parsed.version, side: tip, line };
    if (parsed.note) entry.note = parsed.note;
    (parsed.kind === 'replace' ? replaces : requires).push(entry);
  }
  return { requires, replaces };
}

/** `module version h1:hash`; `/go.mod`-only lines are the module graph, not what is built. */
const GO_SUM = /^(\S+)\s+(v\S+?)(\/go\.mod)?\s+h1:/;

export function goSumEntries(hunk: Hunk): DependencyEntry[] {
  const entries: DependencyEntry[] = [];
  for (const { content, tip, line } of changedLines(hunk)) {
    const match = GO_SUM.exec(content);
    if (!match || match[3]) continue;
    entries.push({ name: match[1] ?? '', version: match[2] ?? '', side: tip, line });
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
