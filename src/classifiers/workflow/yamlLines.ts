// Line-level YAML reading for hunks, which are windows into a file too small to parse as YAML.
import { uncomment } from '../common/lines.js';

export interface KeyLine {
  indent: number;
  key: string;
  value: string;
}

const KEY = /^(\s*)([A-Za-z0-9_.$-]+|"[^"]+"|'[^']+')\s*:(?:\s+(.*?))?\s*$/;
const ITEM = /^(\s*)-\s+(.+?)\s*$/;

/** A value without the quote mark at either end (`"ghcr.io"` → `ghcr.io`). */
export const unquote = (value: string): string => value.replace(/^["']|["']$/g, '');

export function keyLine(line: string): KeyLine | null {
  const match = KEY.exec(line);
  if (!match || line.trimStart().startsWith('#')) return null;
  return { indent: match[1]?.length ?? 0, key: unquote(match[2] ?? ''), value: stripComment(match[3] ?? '') };
}

export function listItem(line: string): { indent: number; value: string } | null {
  const match = ITEM.exec(line);
  if (!match || line.trimStart().startsWith('#')) return null;
  return { indent: match[1]?.length ?? 0, value: unquote(stripComment(match[2] ?? '')) };
}

/** A value without its trailing `# comment` (not inside quotes, which is enough here). */
export const stripComment = (value: string): string => value.replace(/\s+#.*$/, '').trim();

export const indentOf = (line: string): number => /^\s*/.exec(line)?.[0].length ?? 0;

/**
 * The keys enclosing `lines[index]`, innermost first, found by walking up to
 * lines of smaller indent; stops at the start of the window (the hunk, or the
 * whole file in git mode). YAML lets a list sit at its key's own indent
 * (`steps:` then `- name: x` below it, unindented): a list item's parent may
 * be a key at the same indent with nothing after its colon.
 */
export function enclosingKeys(lines: readonly string[], index: number): KeyLine[] {
  const keys: KeyLine[] = [];
  const start = lines[index] ?? '';
  let indent = indentOf(start);
  let isItem = /^\s*-\s/.test(start);
  for (let i = index - 1; i >= 0 && (indent > 0 || isItem); i -= 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    // `- TARGET:` (a mapping inside a list, as in GitLab's `parallel: matrix:`) is a key at the dash's indent plus two.
    const key = keyLine(line) ?? keyLine(line.replace(/^(\s*)-\s/, '$1  '));
    const lineIndent = indentOf(line);
    const isParentOfItem = isItem && key !== null && key.value === '' && lineIndent === indent;
    if (key && (lineIndent < indent || isParentOfItem)) {
      keys.push(key);
      indent = lineIndent;
      isItem = false;
    } else if (lineIndent < indent) {
      indent = lineIndent;
      isItem = /^\s*-\s/.test(line);
    }
  }
  return keys;
}

/** The YAML line a comment hides (`# - oci-rootless` → `- oci-rootless`), keeping no indent. */
export const commentedYaml = (line: string): string | null => uncomment(line)?.trim() ?? null;
