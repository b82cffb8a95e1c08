// go.mod (https://go.dev/ref/mod#go-mod-file) and go.sum (https://go.dev/ref/mod#go-sum-files)
// lines as requirements, replacements, directives and sums: read by the
// vendored-deps classifier and by the applied check (newer module versions).

/** Directives that may open a `( … )` block; only `require` and `replace` blocks list what is built. */
const BLOCK_DIRECTIVE = /^(require|replace|exclude|retract|tool|ignore|godebug)\s*\(\s*$/;
const KEYWORDS = new Set(['module', 'go', 'toolchain', 'require', 'replace', 'exclude', 'retract', 'tool', 'ignore', 'godebug', '(', ')']);

const REQUIRE = /^(?:require\s+)?("[^"]+"|[^\s()="]+)\s+(v\S+)$/;
const REPLACE = /^(?:replace\s+)?("[^"]+"|[^\s()="]+)(?:\s+(v\S+))?\s*=>\s*(\S+)(?:\s+(v\S+))?$/;
const GO_DIRECTIVE = /^(go|toolchain)\s+(\S+)$/;

export interface GoModLine {
  kind: 'require' | 'replace' | 'directive';
  name: string;
  version: string;
  note?: string;
}

/**
 * Splits off the `//` comment: any text may follow a requirement
 * (`v23.0.7-0.20230714215826-0cae31c7dd6e+incompatible // v23.0.7-dev`), and
 * go only gives `// indirect` (alone or before `;`) a meaning.
 */
function splitComment(line: string): { code: string; isIndirect: boolean } {
  const at = line.indexOf('//');
  if (at === -1) return { code: line.trim(), isIndirect: false };
  return { code: line.slice(0, at).trim(), isIndirect: /^indirect\s*(;|$)/.test(line.slice(at + 2).trim()) };
}

/**
 * The block a line opens (`require (` → `require`) or closes (`)` → null);
 * undefined for any other line.
 */
export function goModScopeOf(line: string): string | null | undefined {
  const { code } = splitComment(line);
  const block = BLOCK_DIRECTIVE.exec(code);
  if (block) return block[1] ?? null;
  return code === ')' ? null : undefined;
}

/**
 * One go.mod line as a requirement, a replacement or a go/toolchain directive.
 * `scope` is the block the line sits in (null outside blocks or when unknown):
 * lines of exclude, retract and other blocks are no dependencies.
 */
export function parseGoModLine(line: string, scope: string | null = null): GoModLine | null {
  const { code, isIndirect } = splitComment(line);
  if (code === '' || goModScopeOf(line) !== undefined) return null;
  const keyword = /^(\S+)\s/.exec(code)?.[1] ?? '';
  const isBare = !KEYWORDS.has(keyword);
  if (keyword === 'replace' || (isBare && scope === 'replace') || (isBare && scope === null && code.includes('=>'))) {
    const replace = REPLACE.exec(code);
    if (!replace) return null;
    const [, module = '', from, target = '', to] = replace;
    const name = unquote(from ? `${module}@${from}` : module);
    return { kind: 'replace', name, version: to ? `${target} ${to}` : target, note: 'replace' };
  }
  const directive = GO_DIRECTIVE.exec(code);
  if (directive) return { kind: 'directive', name: directive[1] ?? 'go', version: directive[2] ?? '' };
  if (keyword !== 'require' && !(isBare && (scope === null || scope === 'require'))) return null;
  const require = REQUIRE.exec(code);
  if (!require) return null;
  const parsed: GoModLine = { kind: 'require', name: unquote(require[1] ?? ''), version: require[2] ?? '' };
  if (isIndirect) parsed.note = 'indirect';
  return parsed;
}

const unquote = (path: string): string => path.replace(/"/g, '');

/** `module version h1:hash`; `/go.mod`-only lines are the module graph, not what is built. */
const GO_SUM = /^(\S+)\s+(v\S+?)(\/go\.mod)?\s+h1:/;

/** One go.sum line: its module, version, and whether it only sums the module's go.mod. */
export function parseGoSumLine(line: string): { name: string; version: string; isGoModOnly: boolean } | null {
  const match = GO_SUM.exec(line);
  return match ? { name: match[1] ?? '', version: match[2] ?? '', isGoModOnly: match[3] !== undefined } : null;
}

