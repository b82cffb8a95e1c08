// package.json (https://docs.npmjs.com/cli/configuring-npm/package-json#dependencies),
// package-lock.json v1–v3 (https://docs.npmjs.com/cli/configuring-npm/package-lock-json),
// yarn.lock (classic and berry) and pnpm-lock.yaml (v5–v9).
import type { Hunk } from '../../model.js';
import { changedLines } from '../common/lines.js';
import { scanHunk } from './scanHunk.js';
import type { DependencyEntry } from './types.js';
import { isVersionLike } from './versionDirection.js';

const DEPENDENCY_BLOCK = /^\s*"(dependencies|devDependencies|peerDependencies|optionalDependencies|bundledDependencies|overrides|resolutions)"\s*:\s*\{/;
const JSON_PAIR = /^\s*"([^"]+)"\s*:\s*"([^"]*)"\s*,?\s*$/;
/** Values a dependency block holds besides plain versions and ranges. */
const SPEC_LIKE = /^(?:[\^~<>=*]|\d|workspace:|npm:|file:|link:|git|github:|https?:|latest$|next$|[xX]$)/;

export function packageJsonEntries(hunk: Hunk): DependencyEntry[] {
  return scanHunk(hunk, {
    scopeOf: (content) => {
      const block = DEPENDENCY_BLOCK.exec(content);
      if (block) return block[1] ?? null;
      return /^\s*\}/.test(content) ? 'outside' : undefined;
    },
    entryOf: (content, scope) => {
      const pair = JSON_PAIR.exec(content);
      if (!pair || scope === 'outside') return null;
      const [, name = '', version = ''] = pair;
      // Without a known block, only nested pairs whose value reads as a version spec count.
      if (scope === null && (!/^\s{4,}|^\t{2,}/.test(content) || !SPEC_LIKE.test(version))) return null;
      return { name, version, note: scope ?? undefined };
    },
  }).map(dropUndefinedNote);
}

const LOCK_KEY = /^\s*"([^"]+)"\s*:\s*\{/;
const LOCK_VERSION = /^\s*"version"\s*:\s*"([^"]+)"/;
const NOT_PACKAGES = new Set(['packages', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'requires', 'engines', 'bin', 'funding', 'peerDependenciesMeta']);

export function packageLockEntries(hunk: Hunk): DependencyEntry[] {
  return scanHunk(hunk, {
    scopeOf: (content) => {
      const key = LOCK_KEY.exec(content)?.[1];
      if (key === undefined) return undefined;
      if (key.includes('node_modules/')) return key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
      return NOT_PACKAGES.has(key) || key === '' ? null : key;
    },
    entryOf: (content, scope) => {
      const version = LOCK_VERSION.exec(content)?.[1];
      return scope && version ? { name: scope, version } : null;
    },
  });
}

/** `"@scope/a@^1", a@^1.1:` (classic) or `"a@npm:^1":` (berry): the name before the last `@`. */
const YARN_HEADER = /^"?((?:@[^@/\s"]+\/)?[^@\s",]+)@[^\n]*:\s*$/;
const YARN_VERSION = /^\s+version:?\s+"?([^"\s]+)"?\s*$/;

export function yarnLockEntries(hunk: Hunk): DependencyEntry[] {
  return scanHunk(hunk, {
    scopeOf: (content) => (/^\S/.test(content) ? (YARN_HEADER.exec(content)?.[1] ?? null) : undefined),
    entryOf: (content, scope) => {
      const version = YARN_VERSION.exec(content)?.[1];
      return scope && version ? { name: scope, version } : null;
    },
  });
}

/** `/a/1.2.3:` (v5), `/a@1.2.3:` (v6), `a@1.2.3(peer@1):` (v9), scoped names included. */
const PNPM_KEY = /^\s{2}'?\/?((?:@[^/\s']+\/)?[^@/\s'(]+)[@/](\d[^\s:'(]*)(?:\([^)]*\))*'?:\s*$/;

export function pnpmLockEntries(hunk: Hunk): DependencyEntry[] {
  return changedLines(hunk).flatMap(({ content, tip, line }): DependencyEntry[] => {
    const match = PNPM_KEY.exec(content);
    if (!match || !isVersionLike(match[2] ?? '')) return [];
    return [{ name: match[1] ?? '', version: match[2] ?? '', side: tip, line }];
  });
}

function dropUndefinedNote(entry: DependencyEntry): DependencyEntry {
  if (entry.note === undefined) delete entry.note;
  return entry;
}

const BLOCKS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/** Exact entries from whole package.json texts (git mode); null when either side is not JSON. */
export function packageJsonEntriesFromTexts(upstream: string | null, fork: string | null): DependencyEntry[] | null {
  const read = (text: string | null): Map<string, { version: string; block: string }> | null => {
    const deps = new Map<string, { version: string; block: string }>();
    if (text === null) return deps;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    if (typeof parsed !== 'object' || parsed === null) return null;
    for (const block of BLOCKS) {
      const entries: unknown = (parsed as Record<string, unknown>)[block];
      if (typeof entries !== 'object' || entries === null) continue;
      for (const [name, version] of Object.entries(entries)) {
        if (typeof version === 'string' && !deps.has(name)) deps.set(name, { version, block });
      }
    }
    return deps;
  };
  const before = read(upstream);
  const after = read(fork);
  if (!before || !after) return null;
  const entries: DependencyEntry[] = [];
  const upstreamLines = (upstream ?? '').split('\n');
  const forkLines = (fork ?? '').split('\n');
  for (const [name, { version, block }] of before) {
    if (after.get(name)?.version !== version) entries.push({ name, version, side: 'upstream', note: block, ...lineOf(upstreamLines, block, name, version) });
  }
  for (const [name, { version, block }] of after) {
    if (before.get(name)?.version !== version) entries.push({ name, version, side: 'fork', note: block, ...lineOf(forkLines, block, name, version) });
  }
  return entries;
}

/** The 1-based line of `"name": "version"` in its block of a package.json text, for the finding's place. */
function lineOf(lines: readonly string[], block: string, name: string, version: string): { line?: number } {
  const quoted = (text: string): string => JSON.stringify(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pair = new RegExp(`^\\s*${quoted(name)}\\s*:\\s*${quoted(version)}`);
  const opens = lines.findIndex((line) => new RegExp(`^\\s*${quoted(block)}\\s*:\\s*\\{`).test(line));
  const index = lines.findIndex((line, at) => at > opens && pair.test(line));
  return index === -1 ? {} : { line: index + 1 };
}
