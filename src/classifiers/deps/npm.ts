// package.json (https://docs.npmjs.com/cli/configuring-npm/package-json#dependencies),
// package-lock.json v1–v3 (https://docs.npmjs.com/cli/configuring-npm/package-lock-json),
// yarn.lock (classic and berry) and pnpm-lock.yaml (v5–v9).
import type { Hunk } from '../../model.js';
import { changedLines } from '../common/lines.js';
import { scanHunk } from './scanHunk.js';
import type { DependencyEntry } from './types.js';
import { isVersionLike } from '../../versions/versionOrder.js';
import { escapeRegExp } from '../../text/regExp.js';

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
      return scope === null ? { name, version } : { name, version, note: scope, group: scope };
    },
  }, null, true);
}

const LOCK_KEY = /^\s*"([^"]+)"\s*:\s*\{/;
const LOCK_VERSION = /^\s*"version"\s*:\s*"([^"]+)"/;
const NOT_PACKAGES = new Set(['packages', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'requires', 'engines', 'bin', 'funding', 'peerDependenciesMeta']);

/**
 * A `packages` key's package: `node_modules/a` is `a`; a copy nested under
 * another package (`node_modules/werift/node_modules/@noble/curves`) is
 * `@noble/curves (under werift)`, another row than the top-level copy a
 * hunk may not show.
 */
export function lockPackageName(key: string): string {
  const [, ...packages] = key.split(/(?:^|\/)node_modules\//);
  const name = packages.at(-1) ?? key;
  return packages.length > 1 ? `${name} (under ${packages.slice(0, -1).join(' › ')})` : name;
}

export function packageLockEntries(hunk: Hunk): DependencyEntry[] {
  return scanHunk(hunk, {
    scopeOf: (content) => {
      const key = LOCK_KEY.exec(content)?.[1];
      if (key === undefined) return undefined;
      if (key.includes('node_modules/')) return lockPackageName(key);
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

const BLOCKS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * Every dependency of every block of two whole package.json texts (git
 * mode), one entry per block that lists it; null when either side is not
 * JSON. A side that is null has no file.
 */
export function packageJsonEntriesFromTexts(upstream: string | null, fork: string | null): DependencyEntry[] | null {
  const before = readBlocks(upstream, 'upstream');
  const after = readBlocks(fork, 'fork');
  return before && after ? [...before, ...after] : null;
}

function readBlocks(text: string | null, side: 'upstream' | 'fork'): DependencyEntry[] | null {
  if (text === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const lines = text.split('\n');
  const entries: DependencyEntry[] = [];
  for (const block of BLOCKS) {
    const listed: unknown = (parsed as Record<string, unknown>)[block];
    if (typeof listed !== 'object' || listed === null) continue;
    for (const [name, version] of Object.entries(listed)) {
      if (typeof version === 'string') entries.push({ name, version, side, note: block, group: block, ...lineOf(lines, block, name, version) });
    }
  }
  return entries;
}

/** The 1-based line of `"name": "version"` in its block of a package.json text, for the finding's place. */
function lineOf(lines: readonly string[], block: string, name: string, version: string): { line?: number } {
  const quoted = (text: string): string => escapeRegExp(JSON.stringify(text));
  const pair = new RegExp(`^\\s*${quoted(name)}\\s*:\\s*${quoted(version)}`);
  const opens = lines.findIndex((line) => new RegExp(`^\\s*${quoted(block)}\\s*:\\s*\\{`).test(line));
  const index = lines.findIndex((line, at) => at > opens && pair.test(line));
  return index === -1 ? {} : { line: index + 1 };
}
