// Cargo.toml (https://doc.rust-lang.org/cargo/reference/specifying-dependencies.html),
// Cargo.lock and poetry.lock `[[package]]` tables, pyproject.toml dependency tables.
import type { Hunk } from '../../model.js';
import { scanHunk } from './scanHunk.js';
import type { DependencyEntry } from './types.js';

const SECTION = /^\s*\[{1,2}([^\]]+)\]{1,2}\s*$/;
const PLAIN = /^\s*([A-Za-z0-9_.-]+)\s*=\s*"([^"]+)"\s*(#.*)?$/;
const INLINE_TABLE = /^\s*([A-Za-z0-9_.-]+)\s*=\s*\{.*\bversion\s*=\s*"([^"]+)"/;
const VERSION_KEY = /^\s*version\s*=\s*"([^"]+)"/;
const NAME_KEY = /^\s*name\s*=\s*"([^"]+)"/;
/** Keys of `[package]` / `[tool.poetry]` that look like `key = "x"` but are not dependencies. */
const METADATA_KEYS = new Set(['name', 'version', 'edition', 'rust-version', 'description', 'license', 'readme', 'homepage', 'repository', 'documentation', 'authors', 'python', 'build-backend', 'resolver']);

/** Is this TOML table one that lists dependencies (Cargo, Poetry)? */
const isDependencyTable = (section: string): boolean =>
  /(^|\.)(dependencies|dev-dependencies|build-dependencies|dev\.dependencies)$/.test(section) ||
  /(^|\.)group\.[^.]+\.dependencies$/.test(section);

/** `[dependencies.serde]` tables state their version on a `version = ` line. */
const dependencyTableName = (section: string): string | null =>
  /(?:^|\.)(?:dependencies|dev-dependencies|build-dependencies)\.([^.]+)$/.exec(section)?.[1]?.replace(/^"|"$/g, '') ?? null;

/** Dependency lines of a manifest (Cargo.toml, pyproject.toml with Poetry tables). */
export function tomlManifestEntries(hunk: Hunk): DependencyEntry[] {
  return scanHunk(hunk, {
    scopeOf: (content) => SECTION.exec(content)?.[1]?.trim() ?? undefined,
    entryOf: (content, scope) => {
      const tableName = scope ? dependencyTableName(scope) : null;
      if (tableName) {
        const version = VERSION_KEY.exec(content)?.[1];
        return version ? { name: tableName, version } : null;
      }
      if (scope !== null && !isDependencyTable(scope)) return null;
      const match = INLINE_TABLE.exec(content) ?? PLAIN.exec(content);
      if (!match || METADATA_KEYS.has(match[1] ?? '')) return null;
      // Outside a known table only version-looking values count (the hunk may start mid-table).
      if (scope === null && !/^[\^~=<>*]?\s*\d/.test(match[2] ?? '')) return null;
      return { name: match[1] ?? '', version: match[2] ?? '' };
    },
  });
}

/** `[[package]]` tables of Cargo.lock and poetry.lock: `name = ` scopes the `version = ` after it. */
export function tomlLockEntries(hunk: Hunk): DependencyEntry[] {
  return scanHunk(hunk, {
    scopeOf: (content) => {
      if (SECTION.test(content)) return null;
      return NAME_KEY.exec(content)?.[1] ?? undefined;
    },
    entryOf: (content, scope) => {
      const version = VERSION_KEY.exec(content)?.[1];
      return scope && version ? { name: scope, version } : null;
    },
  });
}
