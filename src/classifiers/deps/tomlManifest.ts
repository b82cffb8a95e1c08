// Dependency tables of TOML manifests: Cargo.toml (https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html),
// pyproject.toml's PEP 621 `[project] dependencies` / `[project.optional-dependencies]`
// (https://packaging.python.org/en/latest/specifications/pyproject-toml/), PEP 735 `[dependency-groups]`
// and Poetry's `[tool.poetry.dependencies]` / `[tool.poetry.group.<g>.dependencies]` (https://python-poetry.org/docs/pyproject/).
import type { SideLine } from '../common/lines.js';
import { normalisePythonName, parsePep508 } from './pep508.js';
import { inlineValue, tomlHeader, tomlTokens } from './tomlTokens.js';
import type { TomlToken } from './tomlTokens.js';
import { UNPINNED } from './types.js';
import type { DependencyEntry } from './types.js';

/** Tables whose keys are dependencies (Cargo, Poetry, both with target- and group-specific forms). */
const isDependencyTable = (table: string): boolean =>
  /(^|\.)(dependencies|dev-dependencies|build-dependencies)$/.test(table) && !/^project\./.test(table);
/** `[dependencies.serde]`: a table for one dependency, whose `version =` is its version. */
const DEPENDENCY_SUBTABLE = /^(.*(?:^|\.)(?:dependencies|dev-dependencies|build-dependencies))\.([^.]+)$/;
/** Keys of Poetry dependency tables that are no package. */
const NOT_PACKAGES = new Set(['python']);
/** Keys of `[package]` / `[project]` / `[tool.poetry]` that read like `key = "1.0"`, for hunks whose table is out of view. */
const METADATA_KEYS = new Set(['name', 'version', 'edition', 'rust-version', 'description', 'license', 'readme', 'homepage', 'repository', 'documentation', 'authors', 'python', 'requires-python', 'build-backend', 'resolver']);

/**
 * The group an array of PEP 508 strings under `key` in `table` lists, or
 * null when it lists none. Outside a known table (a hunk that starts below
 * its header) `dependencies = [` is PEP 621's: Poetry's are tables.
 */
function pep508Group(table: string | null, key: string): string | null {
  if ((table === 'project' || table === null) && key === 'dependencies') return 'project.dependencies';
  if (table === null && key === 'requires') return 'build-system.requires';
  if (table === 'project.optional-dependencies' || table === 'dependency-groups') return `${table}.${key}`;
  if (table === 'build-system' && key === 'requires') return 'build-system.requires';
  return null;
}

interface State {
  table: string | null;
  /** An array of PEP 508 strings still open across lines, and the group it lists (null when unknown). */
  array: { group: string | null; depth: number } | null;
}

/**
 * Dependency entries of one side's lines of a TOML manifest (a hunk's view,
 * or the whole file). A hunk that starts inside an array git names in its
 * context (`@@ … @@ dependencies = [`) reads the strings below as its items.
 */
export function tomlManifestSideEntries(lines: readonly SideLine[], side: 'upstream' | 'fork', context: string, ecosystem: 'cargo' | 'pypi'): DependencyEntry[] {
  const nameOf = (name: string): string => (ecosystem === 'pypi' ? normalisePythonName(name) : name);
  const entries: DependencyEntry[] = [];
  const add = (at: SideLine, name: string, version: string, group: string | null, note?: string | null): void => {
    // Poetry's and Cargo's `*` is any version: unpinned, as an empty PEP 508 specifier is.
    const entry: DependencyEntry = { name: nameOf(name), version: version.trim() === '*' ? UNPINNED : version, side, line: at.line };
    if (group) entry.group = group;
    if (note) entry.note = note;
    if (!at.isChanged) entry.isContext = true;
    entries.push(entry);
  };
  const state: State = { table: null, array: null };
  const contextKey = /^\s*([\w.-]+)\s*=\s*\[\s*$/.exec(context)?.[1];
  if (contextKey) state.array = { group: contextKey === 'dependencies' ? 'project.dependencies' : null, depth: 1 };
  for (const at of lines) {
    const tokens = tomlTokens(at.content);
    if (state.array) {
      readArrayItems(tokens, state, (text) => addPep508(at, text, state.array?.group ?? null));
      continue;
    }
    const header = tomlHeader(at.content);
    if (header !== null) {
      state.table = header;
      continue;
    }
    const [key, equals, value] = tokens;
    if (!key || key.type === 'punct' || equals?.value !== '=' || !value) {
      // A hunk that starts mid-array shows bare strings: PEP 508 items of an unknown group.
      if (state.table === null && tokens.length > 0 && tokens.every((token) => token.type === 'string' || token.value === ',')) {
        for (const token of tokens) if (token.type === 'string') addPep508(at, token.value, null);
      }
      continue;
    }
    readKey(at, key.value, tokens.slice(2), state);
  }
  return entries;

  function addPep508(at: SideLine, text: string, group: string | null): void {
    const requirement = parsePep508(text);
    if (requirement) add(at, requirement.name, requirement.version, group, requirement.marker);
  }

  function readKey(at: SideLine, key: string, value: TomlToken[], current: State): void {
    const table = current.table;
    const group = pep508Group(table, key);
    // Outside a known table any array may list requirements (an optional group whose header is out of view).
    if ((group !== null || table === null) && value[0]?.value === '[') {
      current.array = { group, depth: 0 };
      readArrayItems(value, current, (text) => addPep508(at, text, group));
      return;
    }
    const subtable = table === null ? null : DEPENDENCY_SUBTABLE.exec(table);
    if (subtable?.[2] && key === 'version' && value[0]?.type === 'string') {
      add(at, subtable[2], value[0].value, subtable[1] ?? null);
      return;
    }
    const isKnownTable = table !== null && isDependencyTable(table);
    if ((table !== null && !isKnownTable) || NOT_PACKAGES.has(key) || key.includes('.')) return;
    if (table === null && METADATA_KEYS.has(key)) return;
    for (const version of versionsOf(value)) {
      // Outside a known table only version-looking values count (the hunk may start mid-table).
      if (!isKnownTable && !/^[\^~=<>*]?\s*\d/.test(version)) continue;
      add(at, key, version, table);
    }
  }
}

/** `"1.2"`, `{ version = "1.2", … }`, or Poetry's `[{ version = "1", python = "<3.8" }, …]`. */
function versionsOf(value: readonly TomlToken[]): string[] {
  const first = value[0];
  if (first?.type === 'string') return [first.value];
  if (first?.value !== '{' && first?.value !== '[') return [];
  const versions: string[] = [];
  let table: TomlToken[] = [];
  for (const token of value) {
    if (token.value === '{') table = [];
    else if (token.value === '}') {
      const version = inlineValue(table, 'version');
      if (version !== null) versions.push(version);
    } else table.push(token);
  }
  return versions;
}

/** Strings at the array's own depth are its items (not those of inline tables in it); the array closes with its `]`. */
function readArrayItems(tokens: readonly TomlToken[], state: State, item: (text: string) => void): void {
  for (const token of tokens) {
    if (!state.array) return;
    if (token.type === 'punct' && (token.value === '[' || token.value === '{')) state.array.depth += 1;
    else if (token.type === 'punct' && (token.value === ']' || token.value === '}')) {
      state.array.depth -= 1;
      if (state.array.depth <= 0) state.array = null;
    } else if (token.type === 'string' && state.array.depth === 1) item(token.value);
  }
}
